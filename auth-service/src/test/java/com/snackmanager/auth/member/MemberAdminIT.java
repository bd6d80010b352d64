package com.snackmanager.auth.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.auth.AuthServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class MemberAdminIT extends AuthServiceTest {

  @Test
  void theProfileIsTheCallersOwn() {
    Account member = newMember("profile");
    Map<String, Object> profile = body(get("/auth/users/profile/", member.access()), HttpStatus.OK);
    assertThat(profile)
        .containsOnlyKeys("id", "email", "username", "name", "member_type", "date_joined")
        .containsEntry("id", (int) member.id())
        .containsEntry("email", member.email())
        .containsEntry("username", member.email())
        .containsEntry("member_type", "MEMBER");
    assertIsoTimestamp(profile.get("date_joined"));
    get("/auth/users/profile", null).expectStatus().isUnauthorized();
  }

  @Test
  void adminsListMembersWithEveryField() {
    Account admin = newAdmin("lister");
    String tag = "zq" + Long.toHexString(System.nanoTime());
    Account member = newMember(tag);
    Map<String, Object> item = firstItem(get("/auth/users/?search=" + tag, admin.access()), 1);
    assertThat(item)
        .containsOnlyKeys(
            "id",
            "email",
            "username",
            "name",
            "member_type",
            "date_joined",
            "last_login",
            "is_deleted")
        .containsEntry("id", (int) member.id())
        .containsEntry("username", member.email())
        .containsEntry("is_deleted", false);
    assertIsoTimestamp(item.get("date_joined"));
    assertIsoTimestamp(item.get("last_login"));
  }

  @Test
  void theListFiltersBySearchTypeAndResignation() {
    Account admin = newAdmin("filterer");
    String tag = "fx" + Long.toHexString(System.nanoTime());
    Account active = newMember(tag + "-active");
    Account gone = newMember(tag + "-gone");
    Account boss = newAdmin(tag + "-boss");
    resign(gone.access()).expectStatus().isOk();

    assertThat(ids(get("/auth/users/?search=" + tag, admin.access())))
        .containsExactly(active.id(), gone.id(), boss.id());
    assertThat(
            ids(
                get(
                    "/auth/users/?search=" + tag.toUpperCase() + "&is_deleted=true",
                    admin.access())))
        .containsExactly(gone.id());
    assertThat(ids(get("/auth/users/?search=" + tag + "&is_deleted=false", admin.access())))
        .containsExactly(active.id(), boss.id());
    assertThat(ids(get("/auth/users/?search=" + tag + "&member_type=ADMIN", admin.access())))
        .containsExactly(boss.id());
    assertThat(ids(get("/auth/users/?search=" + tag + "&ordering=-id", admin.access())))
        .containsExactly(boss.id(), gone.id(), active.id());
    // search covers the name too, and LIKE wildcards are taken literally
    assertThat(ids(get("/auth/users/?search=Member " + tag + "-act", admin.access())))
        .containsExactly(active.id());
    assertThat(ids(get("/auth/users/?search=f_" + tag.substring(2), admin.access()))).isEmpty();
  }

  @Test
  void theListIsPaginated() {
    Account admin = newAdmin("pager");
    String tag = "pg" + Long.toHexString(System.nanoTime());
    List<Long> created = List.of(newMember(tag).id(), newMember(tag).id(), newMember(tag).id());
    var page =
        get("/auth/users/?search=" + tag + "&page=2&page_size=1", admin.access())
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Total-Count", "3")
            .expectHeader()
            .value(
                "Link",
                link ->
                    assertThat(link).contains("page=3", "rel=\"next\"", "page=1", "rel=\"prev\""));
    assertThat(ids(page)).containsExactly(created.get(1));
  }

  @Test
  void badFiltersAreNamed() {
    Account admin = newAdmin("badfilter");
    for (String query :
        List.of(
            "member_type=BOSS",
            "is_deleted=maybe",
            "ordering=password_hash",
            "page=0",
            "page_size=1001")) {
      get("/auth/users/?" + query, admin.access())
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors")
          .exists();
    }
  }

  @Test
  void membersCannotManageMembers() {
    Account member = newMember("nosy");
    expectProblem(
        get("/auth/users/", member.access()),
        HttpStatus.FORBIDDEN,
        "You do not have permission to perform this action.");
    expectProblem(
        patchJson(
            "/auth/users/" + member.id() + "/", member.access(), Map.of("member_type", "ADMIN")),
        HttpStatus.FORBIDDEN,
        "You do not have permission to perform this action.");
    expectProblem(
        get("/auth/users/", null),
        HttpStatus.UNAUTHORIZED,
        "Authentication credentials were not provided.");
    assertThat(memberType(member.id())).isEqualTo("MEMBER");
  }

  @Test
  void anAdminPromotesAndDemotesWithPutOrPatch() {
    Account admin = newAdmin("manager");
    Account member = newMember("climber");
    Map<String, Object> promoted =
        body(
            putJson(
                "/auth/users/" + member.id() + "/", admin.access(), Map.of("member_type", "ADMIN")),
            HttpStatus.OK);
    assertThat(promoted)
        .containsEntry("member_type", "ADMIN")
        .containsEntry("id", (int) member.id());
    assertThat(memberType(member.id())).isEqualTo("ADMIN");

    patchJson("/auth/users/" + member.id(), admin.access(), Map.of("member_type", "MEMBER"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.member_type")
        .isEqualTo("MEMBER");
    // setting the type a member already has changes nothing
    patchJson("/auth/users/" + member.id(), admin.access(), Map.of("member_type", "MEMBER"))
        .expectStatus()
        .isOk();
    assertThat(tokenVersion(member.id())).isEqualTo(2);
  }

  @Test
  void aDemotedAdminsTokenStopsWorkingAtOnceAndTheNextLoginIsAMember() throws Exception {
    Account admin = newAdmin("demoter");
    Account demoted = newAdmin("demoted");
    get("/checks/is_admin/", demoted.access()).expectStatus().isOk();

    patchJson("/auth/users/" + demoted.id() + "/", admin.access(), Map.of("member_type", "MEMBER"))
        .expectStatus()
        .isOk();

    expectProblem(
        get("/checks/is_admin/", demoted.access()), HttpStatus.UNAUTHORIZED, INVALID_TOKEN);
    expectProblem(
        get("/checks/is_authenticated/", demoted.access()), HttpStatus.UNAUTHORIZED, INVALID_TOKEN);
    expectProblem(get("/auth/users/", demoted.access()), HttpStatus.UNAUTHORIZED, INVALID_TOKEN);

    Tokens again = login(demoted.email(), PASSWORD);
    assertThat(claims(again.access()).getStringClaim("member_type")).isEqualTo("MEMBER");
    get("/checks/is_authenticated/", again.access()).expectStatus().isOk();
    get("/checks/is_admin/", again.access()).expectStatus().isForbidden();
  }

  @Test
  void theLastActiveAdminCannotBeDemoted() {
    Account admin = newAdmin("last");
    withOnlyAdmins(
        List.of(admin.id()),
        () -> {
          patchJson(
                  "/auth/users/" + admin.id() + "/",
                  admin.access(),
                  Map.of("member_type", "MEMBER"))
              .expectStatus()
              .isBadRequest()
              .expectBody()
              .jsonPath("$.detail")
              .isEqualTo(AdminRules.LAST_ADMIN_DEMOTED);
          assertThat(memberType(admin.id())).isEqualTo("ADMIN");
          get("/checks/is_admin/", admin.access()).expectStatus().isOk();
        });
  }

  @Test
  void anAdminMayStepDownWhileAnotherRemains() {
    Account first = newAdmin("stepdown");
    Account second = newAdmin("remains");
    withOnlyAdmins(
        List.of(first.id(), second.id()),
        () -> {
          patchJson(
                  "/auth/users/" + first.id() + "/",
                  first.access(),
                  Map.of("member_type", "MEMBER"))
              .expectStatus()
              .isOk();
          patchJson(
                  "/auth/users/" + second.id() + "/",
                  second.access(),
                  Map.of("member_type", "MEMBER"))
              .expectStatus()
              .isBadRequest();
        });
  }

  @Test
  void roleChangesNeedAValidTypeAndAKnownLiveMember() {
    Account admin = newAdmin("validator");
    Account member = newMember("target");
    patchJson("/auth/users/" + member.id() + "/", admin.access(), Map.of())
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.member_type[0]")
        .isEqualTo("This field is required.");
    patchJson("/auth/users/" + member.id() + "/", admin.access(), Map.of("member_type", "admin"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.member_type[0]")
        .isEqualTo(MemberType.invalidChoice("admin"));
    patchJson("/auth/users/" + member.id() + "/", admin.access(), "{\"member_type\": 1}")
        .expectStatus()
        .isBadRequest();
    patchJson("/auth/users/" + member.id() + "/", admin.access(), "[]")
        .expectStatus()
        .isBadRequest();
    expectProblem(
        patchJson("/auth/users/987654321/", admin.access(), Map.of("member_type", "ADMIN")),
        HttpStatus.NOT_FOUND,
        MemberService.NOT_FOUND);
    patchJson("/auth/users/not-a-number/", admin.access(), Map.of("member_type", "ADMIN"))
        .expectStatus()
        .isNotFound();
    expectProblem(
        get("/auth/users/987654321/", admin.access()),
        HttpStatus.NOT_FOUND,
        MemberService.NOT_FOUND);

    resign(member.access()).expectStatus().isOk();
    expectProblem(
        patchJson(
            "/auth/users/" + member.id() + "/", admin.access(), Map.of("member_type", "ADMIN")),
        HttpStatus.BAD_REQUEST,
        AdminRules.RESIGNED_MEMBER);
    get("/auth/users/" + member.id() + "/", admin.access())
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.is_deleted")
        .isEqualTo(true);
  }

  private long tokenVersion(long id) {
    return db.sql("SELECT token_version FROM member WHERE id = :id")
        .bind("id", id)
        .map(row -> row.get("token_version", Long.class))
        .one()
        .block();
  }

  @SuppressWarnings("unchecked")
  private static List<Long> ids(
      org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
    List<Map<String, Object>> items =
        response.expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    return items.stream().map(item -> ((Number) item.get("id")).longValue()).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstItem(
      org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response, int size) {
    List<Map<String, Object>> items =
        response.expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    assertThat(items).hasSize(size);
    return items.get(0);
  }
}
