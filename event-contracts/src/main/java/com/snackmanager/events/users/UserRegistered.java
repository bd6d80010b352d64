package com.snackmanager.events.users;

import java.time.Instant;

/** A member signed up. {@code memberType} is {@code MEMBER} or {@code ADMIN}. */
public record UserRegistered(
    long memberId, String email, String name, String memberType, Instant joinedAt)
    implements UserEvent {

  public static final String TYPE = "user.registered";
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
