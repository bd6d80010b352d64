package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Creates members and logs them in through the gateway. */
final class Members {

  /** A signed-up member and the tokens of its last login. */
  record Member(long id, String email, String password, String access, String refresh) {}

  private final Api api;

  Members(Api api) {
    this.api = api;
  }

  static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  Member signUp(String prefix) {
    String email = uniqueEmail(prefix);
    String password = "Crunchy-" + UUID.randomUUID();
    Api.Response created =
        api.post("/auth/sign-up/", Map.of("email", email, "password", password, "name", prefix));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return login(email, password, created.json().path("id").asLong());
  }

  Member login(String email, String password, long id) {
    Api.Response tokens = api.post("/auth/token/", Map.of("email", email, "password", password));
    assertThat(tokens.status()).as(tokens.raw().body()).isEqualTo(200);
    JsonNode body = tokens.json();
    return new Member(
        id, email, password, body.path("access").asString(), body.path("refresh").asString());
  }

  /**
   * A new member promoted to admin by the bootstrap admin, signed in again so its token says ADMIN:
   * for tests that resign, sign out or otherwise spend an admin, which must never be the bootstrap
   * admin every other test signs in as.
   */
  Member newAdmin(String prefix) {
    Member member = signUp(prefix);
    Api.Response promoted =
        api.as(admin().access())
            .patch("/auth/users/" + member.id() + "/", Map.of("member_type", "ADMIN"));
    assertThat(promoted.status()).as(promoted.raw().body()).isEqualTo(200);
    return login(member.email(), member.password(), member.id());
  }

  Member admin() {
    Api.Response tokens =
        api.post(
            "/auth/token/",
            Map.of("email", RunningSuite.ADMIN_EMAIL, "password", RunningSuite.ADMIN_PASSWORD));
    assertThat(tokens.status()).as(tokens.raw().body()).isEqualTo(200);
    long id =
        api.as(tokens.json().path("access").asString())
            .get("/auth/users/profile/")
            .json()
            .path("id")
            .asLong();
    return new Member(
        id,
        RunningSuite.ADMIN_EMAIL,
        RunningSuite.ADMIN_PASSWORD,
        tokens.json().path("access").asString(),
        tokens.json().path("refresh").asString());
  }
}
