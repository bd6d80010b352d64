package com.snackmanager.auth.member;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An item of the admin's member list, and the role-change response. */
record MemberListItem(
    long id,
    String email,
    String username,
    String name,
    String memberType,
    Instant dateJoined,
    Instant lastLogin,
    // named explicitly: Jackson would otherwise strip the "is" of a boolean accessor
    @JsonProperty("is_deleted") boolean isDeleted) {

  static MemberListItem of(Member member) {
    return new MemberListItem(
        member.id(),
        member.email(),
        member.email(),
        member.name(),
        member.memberType().name(),
        member.dateJoined(),
        member.lastLogin(),
        member.deleted());
  }
}
