package com.snackmanager.events.users;

import java.time.Instant;

/** A member resigned (a soft delete: the account stays, it can no longer sign in). */
public record UserResigned(long memberId, String email, Instant resignedAt) implements UserEvent {

  public static final String TYPE = "user.resigned";
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
