package com.snackmanager.auth.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.auth.AuthServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ResignIT extends AuthServiceTest {

  @Test
  void resigningIsASoftDeleteThatEndsEverySession() {
    Account member = newMember("leaver");
    Tokens otherDevice = login(member.email(), PASSWORD);

    resign(member.access())
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(MemberController.RESIGNED);

    Map<String, Object> row =
        db.sql(
                "SELECT email, is_deleted, deleted_at IS NOT NULL AS stamped,"
                    + " token_version FROM member WHERE id = :id")
            .bind("id", member.id())
            .fetch()
            .one()
            .block();
    assertThat(row)
        .containsEntry("email", member.email())
        .containsEntry("is_deleted", true)
        .containsEntry("stamped", true)
        .containsEntry("token_version", 1L);

    // every access token of theirs is refused at once, through this service
    for (String token : List.of(member.access(), otherDevice.access())) {
      expectProblem(
          get("/checks/is_authenticated/", token), HttpStatus.UNAUTHORIZED, INVALID_TOKEN);
      expectProblem(get("/auth/users/profile/", token), HttpStatus.UNAUTHORIZED, INVALID_TOKEN);
    }
    expectProblem(resign(member.access()), HttpStatus.UNAUTHORIZED, INVALID_TOKEN);
    long liveRefreshTokens =
        db.sql(
                "SELECT count(*) AS n FROM refresh_token WHERE member_id = :id AND revoked_at IS NULL")
            .bind("id", member.id())
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(liveRefreshTokens).isZero();
  }

  @Test
  void resigningNeedsAToken() {
    expectProblem(
        resign(null), HttpStatus.UNAUTHORIZED, "Authentication credentials were not provided.");
  }

  @Test
  void theLastActiveAdminCannotResign() {
    Account admin = newAdmin("lastresign");
    withOnlyAdmins(
        List.of(admin.id()),
        () -> {
          expectProblem(
              resign(admin.access()), HttpStatus.BAD_REQUEST, AdminRules.LAST_ADMIN_RESIGNED);
          get("/checks/is_admin/", admin.access()).expectStatus().isOk();
        });
  }

  @Test
  void anAdminMayResignWhileAnotherRemains() {
    Account leaving = newAdmin("adminleaves");
    Account staying = newAdmin("adminstays");
    withOnlyAdmins(
        List.of(leaving.id(), staying.id()),
        () -> {
          resign(leaving.access()).expectStatus().isOk();
          expectProblem(
              resign(staying.access()), HttpStatus.BAD_REQUEST, AdminRules.LAST_ADMIN_RESIGNED);
        });
  }
}
