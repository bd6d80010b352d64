package com.snackmanager.events.users;

import java.time.Instant;

/** An admin changed a member's type; {@code changedBy} is that admin's member id. */
public record UserRoleChanged(
    long memberId, String previousMemberType, String memberType, long changedBy, Instant changedAt)
    implements UserEvent {

  public static final String TYPE = "user.role-changed";
  public static final int VERSION = 1;

  @Override
  public String eventType() {
    return TYPE;
  }

  @Override
  public int eventVersion() {
    return VERSION;
  }
}
