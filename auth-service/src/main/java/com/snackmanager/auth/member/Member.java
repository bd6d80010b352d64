package com.snackmanager.auth.member;

import java.time.Instant;

/** A row of the {@code member} table. */
public record Member(
    long id,
    String email,
    String passwordHash,
    String name,
    MemberType memberType,
    Instant dateJoined,
    Instant lastLogin,
    boolean deleted,
    Instant deletedAt,
    long tokenVersion) {

  public boolean isAdmin() {
    return memberType == MemberType.ADMIN;
  }

  public boolean isActiveAdmin() {
    return isAdmin() && !deleted;
  }
}
