package com.snackmanager.e2e;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;

/**
 * Who may call each operation of the API, from SPEC.md's "Who" columns (and the services' security
 * rules where SPEC is silent: {@code GET /auth/users/{id}}, {@code POST /statistics/rebuild}).
 *
 * <p>Kept here by hand because the OpenAPI document cannot say it all: it marks the public
 * operations ({@code security: []}) but has no notion of roles. {@link SecurityMatrixIT} fails for
 * an operation of the document this table does not name, so a new endpoint must be classified
 * before the build passes, and for a row the document no longer has.
 */
final class OperationAccess {

  /** Who may call an operation. */
  enum Access {
    /** Anyone, with or without a token (a token sent along is not looked at). */
    PUBLIC,
    /** A signed-in member (admins included). */
    MEMBER,
    /** An admin only: a member gets 403. */
    ADMIN
  }

  static final Map<String, Access> TABLE =
      Map.ofEntries(
          // auth-service
          entry("POST /auth/sign-up", Access.PUBLIC),
          entry("POST /auth/token", Access.PUBLIC),
          entry("POST /auth/token/refresh", Access.PUBLIC),
          entry("GET /auth/jwks", Access.PUBLIC),
          entry("POST /auth/token/revoke", Access.MEMBER),
          entry("GET /auth/users/profile", Access.MEMBER),
          entry("DELETE /auth/users/resign", Access.MEMBER),
          entry("GET /checks/is_authenticated", Access.MEMBER),
          entry("GET /checks/is_admin", Access.ADMIN),
          entry("GET /auth/users", Access.ADMIN),
          entry("GET /auth/users/{id}", Access.ADMIN),
          entry("PUT /auth/users/{id}", Access.ADMIN),
          entry("PATCH /auth/users/{id}", Access.ADMIN),
          // snack-service
          entry("GET /snacks", Access.MEMBER),
          entry("POST /snacks", Access.MEMBER),
          entry("GET /snacks/{uid}", Access.MEMBER),
          entry("PATCH /snacks/{uid}", Access.ADMIN),
          entry("GET /snacks/{uid}/image", Access.PUBLIC),
          // reaction-service
          entry("GET /snacks/{uid}/reaction", Access.MEMBER),
          entry("POST /snacks/{uid}/reaction", Access.MEMBER),
          entry("DELETE /snacks/{uid}/reaction", Access.MEMBER),
          // order-service: editing is the owner's or an admin's (the matrix member owns the order)
          entry("GET /orders", Access.MEMBER),
          entry("POST /orders", Access.MEMBER),
          entry("GET /orders/{uid}", Access.MEMBER),
          entry("PUT /orders/{uid}", Access.MEMBER),
          entry("GET /orders/{uid}/history", Access.MEMBER),
          entry("PUT /orders/{uid}/status", Access.ADMIN),
          entry("PATCH /orders/{uid}/status", Access.ADMIN),
          // statistics-service
          entry("POST /statistics/rebuild", Access.ADMIN),
          entry("GET /statistics/orders", Access.MEMBER),
          entry("GET /statistics/orders/list", Access.MEMBER),
          entry("GET /statistics/orders/{year}", Access.MEMBER),
          entry("GET /statistics/orders/{year}/{month}", Access.MEMBER),
          entry("GET /statistics/orders/{year}/{month}/{day}", Access.MEMBER),
          entry("GET /statistics/orders/{year}/weeks/{week}", Access.MEMBER),
          entry("GET /statistics/orders/{year}/{month}/weeks/{week}", Access.MEMBER),
          entry("GET /statistics/snacks", Access.MEMBER),
          entry("GET /statistics/reactions", Access.MEMBER),
          entry("GET /statistics/freshness", Access.MEMBER));

  private OperationAccess() {}

  static Optional<Access> of(ApiDocument.Operation operation) {
    return Optional.ofNullable(TABLE.get(operation.key()));
  }
}
