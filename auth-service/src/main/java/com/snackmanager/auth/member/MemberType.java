package com.snackmanager.auth.member;

import java.util.Optional;

/** What a member may do: every member orders and reacts; admins also manage members and orders. */
public enum MemberType {
  MEMBER,
  ADMIN;

  /** The type named exactly (case-sensitive, as the API documents it), if any. */
  public static Optional<MemberType> parse(String name) {
    for (MemberType type : values()) {
      if (type.name().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The error text for a value that is not a type. */
  public static String invalidChoice(String value) {
    return "\"" + value + "\" is not a valid choice; use MEMBER or ADMIN.";
  }
}
