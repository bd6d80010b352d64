package com.snackmanager.auth.member;

import java.time.Instant;

/**
 * {@code GET /auth/users/profile/} and the sign-up response; {@code username} repeats the email for
 * the old frontend.
 */
record MemberProfile(
    long id, String email, String username, String name, String memberType, Instant dateJoined) {

  static MemberProfile of(Member member) {
    return new MemberProfile(
        member.id(),
        member.email(),
        member.email(),
        member.name(),
        member.memberType().name(),
        member.dateJoined());
  }
}
