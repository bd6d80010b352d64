package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.snackmanager.e2e.Members.Member;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SPEC "Authentication and members", through the gateway of a running suite. */
class AuthThroughGatewayIT {

  private final RunningSuite suite = RunningSuite.get();
  private final Api api = new Api(suite.gateway());
  private final Members members = new Members(api);

  @Test
  void aNewMemberSignsUpLogsInRefreshesAndReadsTheProfile() {
    String email = Members.uniqueEmail("Jane.Doe");
    Api.Response created =
        api.post(
            "/auth/sign-up",
            Map.of("email", email, "password", "Honey-Butter-77", "username", "Jane"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("email").asString()).isEqualTo(email);
    assertThat(created.json().path("member_type").asString()).isEqualTo("MEMBER");
    assertThat(created.json().has("password")).isFalse();

    Member jane = members.login(email, "Honey-Butter-77", created.json().path("id").asLong());
    JsonNode profile = api.as(jane.access()).get("/auth/users/profile/").json();
    assertThat(profile.path("email").asString()).isEqualTo(email);
    assertThat(profile.path("username").asString()).isEqualTo(email);
    assertThat(profile.path("name").asString()).isEqualTo("Jane");
    assertThat(profile.path("member_type").asString()).isEqualTo("MEMBER");
    assertThat(profile.path("date_joined").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)");

    Api.Response refreshed = api.post("/auth/token/refresh/", Map.of("refresh", jane.refresh()));
    assertThat(refreshed.status()).isEqualTo(200);
    String newRefresh = refreshed.json().path("refresh").asString();
    assertThat(newRefresh).isNotEqualTo(jane.refresh());
    assertThat(
            api.as(refreshed.json().path("access").asString())
                .get("/checks/is_authenticated/")
                .status())
        .isEqualTo(200);

    // the rotated token is spent: reusing it is refused and burns the whole family
    assertThat(api.post("/auth/token/refresh/", Map.of("refresh", jane.refresh())).status())
        .isEqualTo(401);
    assertThat(api.post("/auth/token/refresh/", Map.of("refresh", newRefresh)).status())
        .isEqualTo(401);
  }

  @Test
  void signOutRevokesTheRefreshToken() {
    Member member = members.signUp("leaver");
    assertThat(
            api.as(member.access())
                .post("/auth/token/revoke/", Map.of("refresh", member.refresh()))
                .status())
        .isEqualTo(204);
    assertThat(api.post("/auth/token/refresh/", Map.of("refresh", member.refresh())).status())
        .isEqualTo(401);
  }

  @Test
  void wrongCredentialsAllLookTheSame() {
    Member member = members.signUp("careful");
    Api.Response wrongPassword =
        api.post("/auth/token/", Map.of("email", member.email(), "password", "not-it-at-all"));
    Api.Response unknown =
        api.post(
            "/auth/token/",
            Map.of("email", Members.uniqueEmail("ghost"), "password", "whatever-123"));
    for (Api.Response response : List.of(wrongPassword, unknown)) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.detail()).isEqualTo("No active account found with the given credentials");
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void badSignUpsAre400WithFieldErrors() {
    Api.Response weak =
        api.post(
            "/auth/sign-up/",
            Map.of("email", Members.uniqueEmail("weak"), "password", "12345678", "name", "W"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().path("errors").has("password")).isTrue();

    Api.Response badEmail =
        api.post(
            "/auth/sign-up/",
            Map.of("email", "not-an-email", "password", "Sturdy-Pass-9", "name", "B"));
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(badEmail.json().path("errors").has("email")).isTrue();

    assertThat(api.post("/auth/sign-up/", "{\"email\": ").status()).isEqualTo(400);
    assertThat(api.post("/auth/sign-up/", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void anAdminListsAndPromotesMembersAndAMemberCannot() {
    Member admin = members.admin();
    Member member = members.signUp("promotee");

    Api.Response forbidden = api.as(member.access()).get("/auth/users/");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.detail()).isEqualTo("You do not have permission to perform this action.");
    assertThat(api.as(member.access()).get("/checks/is_admin/").status()).isEqualTo(403);

    Api.Response list = api.as(admin.access()).get("/auth/users/?search=" + member.email());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().isArray()).isTrue();
    assertThat(list.header("X-Total-Count")).isEqualTo("1");
    assertThat(list.json().get(0).path("is_deleted").asBoolean(true)).isFalse();

    Api.Response promoted =
        api.as(admin.access())
            .patch("/auth/users/" + member.id() + "/", Map.of("member_type", "ADMIN"));
    assertThat(promoted.status()).isEqualTo(200);
    Member promotedMember = members.login(member.email(), member.password(), member.id());
    assertThat(
            api.as(promotedMember.access())
                .get("/checks/is_admin/")
                .json()
                .path("detail")
                .asString())
        .isEqualTo("Success");

    assertThat(
            api.as(admin.access())
                .patch("/auth/users/999999999/", Map.of("member_type", "ADMIN"))
                .status())
        .isEqualTo(404);
    assertThat(
            api.as(admin.access())
                .patch("/auth/users/" + member.id() + "/", Map.of("member_type", "KING"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void aDemotedAdminLosesAdminRightsWithinOneSecond() {
    Member admin = members.admin();
    Member member = members.signUp("short-reign");
    api.as(admin.access()).put("/auth/users/" + member.id() + "/", Map.of("member_type", "ADMIN"));
    Member reigning = members.login(member.email(), member.password(), member.id());
    assertThat(api.as(reigning.access()).get("/auth/users/").status()).isEqualTo(200);

    assertThat(
            api.as(admin.access())
                .put("/auth/users/" + member.id() + "/", Map.of("member_type", "MEMBER"))
                .status())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(1))
        .until(() -> api.as(reigning.access()).get("/auth/users/").status() == 401);
  }

  @Test
  void aResignedMembersTokenStopsWorkingAndTheEmailCannotReturn() {
    Member member = members.signUp("resigner");
    Api.Response resigned = api.as(member.access()).delete("/auth/users/resign/");
    assertThat(resigned.status()).isEqualTo(200);
    assertThat(resigned.detail()).isNotBlank();
    await()
        .atMost(Duration.ofSeconds(1))
        .until(() -> api.as(member.access()).get("/auth/users/profile/").status() == 401);

    Api.Response login =
        api.post("/auth/token/", Map.of("email", member.email(), "password", member.password()));
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.detail()).isEqualTo("No active account found with the given credentials");

    Api.Response again =
        api.post(
            "/auth/sign-up/",
            Map.of(
                "email",
                member.email().toUpperCase(),
                "password",
                "Another-Pass-42",
                "name",
                "Back"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.detail()).containsIgnoringCase("resign");
  }

  @Test
  void theLastAdminCannotResign() {
    Member admin = members.admin();
    // demote every other active admin, so the bootstrap admin is the last one
    for (JsonNode other :
        api.as(admin.access())
            .get("/auth/users/?member_type=ADMIN&is_deleted=false&page_size=1000")
            .json()) {
      if (other.path("id").asLong() != admin.id()) {
        api.as(admin.access())
            .patch(
                "/auth/users/" + other.path("id").asLong() + "/", Map.of("member_type", "MEMBER"));
      }
    }
    Api.Response resign = api.as(admin.access()).delete("/auth/users/resign/");
    assertThat(resign.status()).isEqualTo(400);
    assertThat(resign.detail()).isEqualTo("You cannot resign because you are the last admin.");
    Api.Response demoteSelf =
        api.as(admin.access())
            .patch("/auth/users/" + admin.id() + "/", Map.of("member_type", "MEMBER"));
    assertThat(demoteSelf.status()).isEqualTo(400);
  }

  @Test
  void concurrentSignUpsWithOneEmailMakeExactlyOneMember() throws Exception {
    String email = Members.uniqueEmail("twin");
    int racers = 20;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        Callable<Integer> signUp =
            () -> {
              start.await();
              // twenty at once can meet the anonymous bucket other tests drained: a 429 never
              // reached the auth-service, and is sent again
              return RateLimits.pastRateLimit(
                      () ->
                          api.post(
                              "/auth/sign-up/",
                              Map.of("email", email, "password", "Twin-Snacks-42", "name", "Twin")))
                  .status();
            };
        results.add(pool.submit(signUp));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }
      assertThat(statuses).containsOnly(201, 400);
      assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void forgedAndMissingTokensAre401() throws Exception {
    Member member = members.signUp("victim");
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(Long.toString(member.id()))
            .issuer("snack-manager")
            .claim("member_type", "ADMIN")
            .claim("token_type", "access")
            .claim("ver", 0)
            .expirationTime(new Date(System.currentTimeMillis() + 600_000))
            .build();
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    SignedJWT otherKey = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    otherKey.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
    String[] tokens = {
      new PlainJWT(claims).serialize(), otherKey.serialize(), "not.a.token", member.refresh()
    };
    for (String token : tokens) {
      Api.Response response = api.as(token).get("/auth/users/profile/");
      assertThat(response.status()).as(token).isEqualTo(401);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    Api.Response none = api.get("/auth/users/profile/");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.detail()).isEqualTo("Authentication credentials were not provided.");
  }

  @Test
  void servicesNotBuiltYetAnswer503NotAHang() {
    Member member = members.signUp("early-bird");
    Api.Response snacks = api.as(member.access()).get("/snacks/");
    assertThat(snacks.status()).isIn(200, 503);
    if (snacks.status() == 503) {
      assertThat(snacks.contentType()).startsWith("application/problem+json");
      assertThat(snacks.detail()).isNotBlank();
    }
  }

  @Test
  void theApiDocumentationIsAggregatedAtTheGateway() {
    // each service renders its document on first request, slowly on a cold JVM
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode schema = api.get("/api/schema/").json();
              assertThat(schema.path("x-unavailable-services").isEmpty())
                  .as(schema.toString())
                  .isTrue();
              for (String path :
                  new String[] {
                    "/auth/sign-up",
                    "/snacks",
                    "/snacks/{uid}/reaction",
                    "/orders",
                    "/statistics/orders"
                  }) {
                assertThat(schema.path("paths").has(path)).as(path).isTrue();
              }
              assertThat(schema.path("components").path("securitySchemes").isEmpty()).isFalse();
            });
    Api.Response ui = api.get("/api/schema/swagger-ui/index.html");
    assertThat(ui.status()).isEqualTo(200);
  }
}
