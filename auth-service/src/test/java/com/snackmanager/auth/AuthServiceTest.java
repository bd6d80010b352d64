package com.snackmanager.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running auth-service on real PostgreSQL, Redis and Kafka. Every integration test class
 * extends this, so they share one application context (and one database: each test makes its own
 * members).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "snack.admin.email=" + AuthServiceTest.BOOTSTRAP_ADMIN_EMAIL,
      "snack.admin.password=" + AuthServiceTest.BOOTSTRAP_ADMIN_PASSWORD,
      // cheap hashes keep the suite fast; production uses the default strength
      "snack.auth.password-strength=4",
      "snack.auth.token-version-reconcile-interval=300ms",
      "spring.test.webtestclient.timeout=30s"
    })
@AutoConfigureWebTestClient
public abstract class AuthServiceTest {

  public static final String BOOTSTRAP_ADMIN_EMAIL = "bootstrap-admin@snack.test";
  public static final String BOOTSTRAP_ADMIN_PASSWORD = "Bootstrap-Admin-Secret-1";
  public static final String PASSWORD = "Crunchy-Snack-42";
  public static final String INVALID_TOKEN = "Given token not valid for any token type";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SnackTestInfrastructure.get().register(ServiceDatabase.AUTH, registry);
  }

  @Autowired protected WebTestClient client;
  @Autowired protected DatabaseClient db;

  /** A signed-up member with a fresh token pair. */
  public record Account(long id, String email, String password, String access, String refresh) {}

  public record Tokens(String access, String refresh) {}

  protected static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@snack.test";
  }

  protected WebTestClient.ResponseSpec postJson(String path, String token, Object body) {
    var request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      request = request.headers(h -> h.setBearerAuth(token));
    }
    return request.bodyValue(body).exchange();
  }

  protected WebTestClient.ResponseSpec get(String path, String token) {
    var request = client.get().uri(path);
    if (token != null) {
      request = request.headers(h -> h.setBearerAuth(token));
    }
    return request.exchange();
  }

  protected WebTestClient.ResponseSpec patchJson(String path, String token, Object body) {
    return client
        .patch()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBearerAuth(token))
        .bodyValue(body)
        .exchange();
  }

  protected WebTestClient.ResponseSpec putJson(String path, String token, Object body) {
    return client
        .put()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBearerAuth(token))
        .bodyValue(body)
        .exchange();
  }

  protected WebTestClient.ResponseSpec resign(String token) {
    var request = client.delete().uri("/auth/users/resign/");
    if (token != null) {
      request = request.headers(h -> h.setBearerAuth(token));
    }
    return request.exchange();
  }

  protected long signUp(String email, String password, String name) {
    Map<?, ?> body =
        postJson("/auth/sign-up/", null, Map.of("email", email, "password", password, "name", name))
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return ((Number) body.get("id")).longValue();
  }

  /** A sign-in as the gateway passes it on: from {@code address} (its X-Forwarded-For). */
  protected WebTestClient.ResponseSpec signIn(String email, String password, String address) {
    return client
        .post()
        .uri("/auth/token/")
        .header("X-Forwarded-For", address)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("email", email, "password", password))
        .exchange();
  }

  /**
   * A client address no other test uses (a private IPv4 address picked at random), so that
   * throttling in one test never meets another's failures.
   */
  protected static String uniqueAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  protected Tokens login(String email, String password) {
    Map<?, ?> body =
        postJson("/auth/token/", null, Map.of("email", email, "password", password))
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return new Tokens((String) body.get("access"), (String) body.get("refresh"));
  }

  protected Account newMember(String prefix) {
    String email = uniqueEmail(prefix);
    long id = signUp(email, PASSWORD, "Member " + prefix);
    Tokens tokens = login(email, PASSWORD);
    return new Account(id, email, PASSWORD, tokens.access(), tokens.refresh());
  }

  /** A member made admin directly in the database (test arrangement), then logged in. */
  protected Account newAdmin(String prefix) {
    String email = uniqueEmail(prefix);
    long id = signUp(email, PASSWORD, "Admin " + prefix);
    db.sql("UPDATE member SET member_type = 'ADMIN' WHERE id = :id").bind("id", id).then().block();
    Tokens tokens = login(email, PASSWORD);
    return new Account(id, email, PASSWORD, tokens.access(), tokens.refresh());
  }

  /**
   * Runs {@code action} while {@code admins} are the only active admins (others are demoted in the
   * database for the duration, and restored afterwards).
   */
  protected void withOnlyAdmins(List<Long> admins, Runnable action) {
    List<Long> others =
        db.sql(
                "UPDATE member SET member_type = 'MEMBER' WHERE member_type = 'ADMIN'"
                    + " AND NOT is_deleted AND NOT (id = ANY(:keep)) RETURNING id")
            .bind("keep", admins.toArray(new Long[0]))
            .map(row -> row.get("id", Long.class))
            .all()
            .collectList()
            .block();
    try {
      action.run();
    } finally {
      if (!others.isEmpty()) {
        db.sql("UPDATE member SET member_type = 'ADMIN' WHERE id = ANY(:ids)")
            .bind("ids", others.toArray(new Long[0]))
            .then()
            .block();
      }
    }
  }

  protected String memberType(long id) {
    return db.sql("SELECT member_type FROM member WHERE id = :id")
        .bind("id", id)
        .map(row -> row.get("member_type", String.class))
        .one()
        .block();
  }

  protected static JWTClaimsSet claims(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AssertionError("not a signed JWT: " + token, e);
    }
  }

  protected static void expectProblem(
      WebTestClient.ResponseSpec response, HttpStatus status, String detail) {
    response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status.value())
        .jsonPath("$.detail")
        .isEqualTo(detail);
  }

  /** The JSON object body of a response with the expected status. */
  @SuppressWarnings("unchecked")
  protected static Map<String, Object> body(
      WebTestClient.ResponseSpec response, HttpStatus status) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  protected static void assertIsoTimestamp(Object value) {
    assertThat(value).isInstanceOf(String.class);
    assertThat((String) value)
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
  }
}
