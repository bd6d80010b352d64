package com.snackmanager.defaults.security;

import org.springframework.security.oauth2.jwt.Jwt;

/** The member a request acts for, read from its access token (never from another service). */
public record AuthenticatedMember(long id, String email, String name, String memberType) {

  public static final String ADMIN = "ADMIN";
  public static final String MEMBER = "MEMBER";

  public static AuthenticatedMember from(Jwt jwt) {
    return new AuthenticatedMember(
        Long.parseLong(jwt.getSubject()),
        jwt.getClaimAsString("email"),
        jwt.getClaimAsString("name"),
        jwt.getClaimAsString("member_type"));
  }

  public boolean isAdmin() {
    return ADMIN.equals(memberType);
  }
}
