package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.snackmanager.e2e.ApiDocument.Operation;
import com.snackmanager.e2e.Members.Member;
import com.snackmanager.e2e.OperationAccess.Access;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The role × endpoint × token-kind matrix (issue 14, SECURITY.md V3.5/V4): every operation of the
 * gateway's OpenAPI document, called with every kind of token, through the gateway of the running
 * suite, and the status class of each cell asserted.
 *
 * <ul>
 *   <li>public operations are never 401 (nor 403), whatever token is sent along;
 *   <li>protected operations are 401 problems for every invalid token: none, garbage, {@code alg:
 *       none} (a real member's claims, no signature), tampered (a real member's token with its role
 *       changed to ADMIN, signature kept), expired (a real member's claims signed with the suite's
 *       own key, expiry in the past), a refresh token sent as bearer, and an access token after its
 *       sign-out;
 *   <li>a member on admin-only operations is a 403 problem; a member or admin on what they may call
 *       is neither 401 nor 403 (a 404 or a business-rule 400 is fine: the check was passed).
 * </ul>
 *
 * <p>Who may call what is {@link OperationAccess}; the matrix fails for an operation it does not
 * classify. Everything a cell changes belongs to this class (its own members, admin, snacks and
 * orders), never to the bootstrap admin or other tests. One cell is not sent: an admin's {@code
 * POST /statistics/rebuild}, which replays every figure from the event streams while other tests
 * read them; its 401 and 403 cells are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIT {

  /** The kinds of token each operation is called with. */
  enum Kind {
    NONE,
    GARBAGE,
    ALG_NONE,
    TAMPERED,
    EXPIRED,
    REFRESH_AS_ACCESS,
    REVOKED,
    MEMBER,
    ADMIN;

    boolean valid() {
      return this == MEMBER || this == ADMIN;
    }
  }

  /** What one cell sends. */
  private record Request(String path, Object body, String token) {}

  private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Seoul");

  /** Cells that are not sent, with the reason. */
  private static final Map<String, Kind> NOT_SENT = Map.of("POST /statistics/rebuild", Kind.ADMIN);

  private final RunningSuite suite = RunningSuite.get();
  private final Api api = new Api(suite.gateway());
  private final Members members = new Members(api);
  private final Snacks snacks = new Snacks(api);

  private ApiDocument document;
  private Member member;
  private Member admin;
  private Member bystander;
  private String snackUid;
  private String orderSnackUid;
  private String orderUid;
  private final Map<String, String> statusOrders = new HashMap<>();
  private final Map<Kind, String> orderableSnacks = new EnumMap<>(Kind.class);
  private final Map<Kind, String> tokens = new EnumMap<>(Kind.class);

  @BeforeAll
  void setUp() throws Exception {
    document = ApiDocument.fetch(api);
    member = members.signUp("matrix-member");
    admin = members.newAdmin("matrix-admin");
    bystander = members.signUp("matrix-bystander");
    snackUid = snackWithPicture();
    orderSnackUid = snackUid("order");
    String putStatusSnack = snackUid("put-status");
    String patchStatusSnack = snackUid("patch-status");
    orderableSnacks.put(Kind.MEMBER, snackUid("member-orders"));
    orderableSnacks.put(Kind.ADMIN, snackUid("admin-orders"));
    // the order- and reaction-services learn of new snacks from their events, a moment later
    orderUid = snacks.order(member, orderSnackUid);
    statusOrders.put("PUT", snacks.order(member, putStatusSnack));
    statusOrders.put("PATCH", snacks.order(member, patchStatusSnack));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.as(member.access()).get("/snacks/" + snackUid + "/reaction/").status() == 200);

    tokens.put(Kind.GARBAGE, "garbage-" + UUID.randomUUID());
    tokens.put(Kind.ALG_NONE, algNone(member.access()));
    tokens.put(Kind.TAMPERED, upgradedToAdmin(member.access()));
    tokens.put(Kind.EXPIRED, resigned(member.access(), Instant.now().minus(Duration.ofHours(1))));
    tokens.put(Kind.REFRESH_AS_ACCESS, member.refresh());
    tokens.put(Kind.REVOKED, signedOut(member));
    tokens.put(Kind.MEMBER, member.access());
    tokens.put(Kind.ADMIN, admin.access());
  }

  @Test
  void everyDocumentedOperationIsClassified() {
    List<String> documented = document.operations().stream().map(Operation::key).toList();
    assertThat(documented)
        .as("operations of the OpenAPI document missing from OperationAccess.TABLE")
        .allMatch(OperationAccess.TABLE::containsKey);
    assertThat(OperationAccess.TABLE.keySet())
        .as("rows of OperationAccess.TABLE the OpenAPI document no longer has")
        .allMatch(documented::contains);
  }

  @Test
  void theDocumentCallsPublicExactlyWhatIsPublic() {
    List<String> documentedPublic =
        document.operations().stream()
            .filter(Operation::documentedAsPublic)
            .map(Operation::key)
            .toList();
    List<String> publicInTheTable =
        OperationAccess.TABLE.entrySet().stream()
            .filter(entry -> entry.getValue() == Access.PUBLIC)
            .map(java.util.Map.Entry::getKey)
            .toList();
    // every open operation says so (Swagger UI shows no lock), and nothing else does
    assertThat(documentedPublic).containsExactlyInAnyOrderElementsOf(publicInTheTable);
  }

  /**
   * The expired kind is refused for its expiry alone: the same claims signed the same way with a
   * future expiry are accepted (so the key the test signs with is the suite's real one).
   */
  @Test
  void aTokenResignedWithTheSuitesKeyIsAcceptedUntilItExpires() {
    String fresh = resigned(member.access(), Instant.now().plus(Duration.ofMinutes(5)));
    assertThat(api.as(fresh).get("/auth/users/profile/").status()).isEqualTo(200);
    Api.Response expired = api.as(tokens.get(Kind.EXPIRED)).get("/auth/users/profile/");
    assertThat(expired.status()).isEqualTo(401);
  }

  @TestFactory
  Stream<DynamicTest> everyCellOfRoleEndpointAndTokenKind() {
    List<DynamicTest> cells = new ArrayList<>();
    for (Operation operation : document.operations()) {
      Access access = OperationAccess.of(operation).orElse(null);
      if (access == null) {
        continue; // everyDocumentedOperationIsClassified names it
      }
      for (Kind kind : Kind.values()) {
        if (NOT_SENT.get(operation.key()) == kind) {
          continue;
        }
        cells.add(
            DynamicTest.dynamicTest(
                operation.key() + " as " + kind, () -> cell(operation, access, kind)));
      }
    }
    assertThat(cells).hasSizeGreaterThan(30 * Kind.values().length);
    return cells.stream();
  }

  private void cell(Operation operation, Access access, Kind kind) {
    Request request = request(operation, kind);
    Api.Response response =
        RateLimits.pastRateLimit(
            () ->
                (request.token() == null ? api : api.as(request.token()))
                    .send(operation.method(), request.path(), request.body(), Map.of()));
    String cell =
        operation.method()
            + " "
            + request.path()
            + " as "
            + kind
            + " -> "
            + response.status()
            + " "
            + response.raw().body();
    if (access == Access.PUBLIC) {
      assertThat(response.status()).as(cell).isNotIn(401, 403).isLessThan(500);
    } else if (!kind.valid()) {
      assertThat(response.status()).as(cell).isEqualTo(401);
      assertProblem(response, cell);
    } else if (access == Access.ADMIN && kind == Kind.MEMBER) {
      assertThat(response.status()).as(cell).isEqualTo(403);
      assertProblem(response, cell);
    } else {
      assertThat(response.status()).as(cell).isNotIn(401, 403).isLessThan(500);
    }
  }

  private static void assertProblem(Api.Response response, String cell) {
    assertThat(response.contentType()).as(cell).startsWith("application/problem+json");
    assertThat(response.detail()).as(cell).isNotBlank();
  }

  /**
   * The request of one cell: the ids the operation needs to reach its authorization check, a body
   * that passes validation, and the token; operations that spend their caller (sign-out, resign)
   * get a caller of their own.
   */
  private Request request(Operation operation, Kind kind) {
    String path = path(operation, kind);
    String token = tokens.get(kind);
    return switch (operation.key()) {
      case "POST /auth/sign-up" ->
          new Request(
              path,
              Map.of(
                  "email",
                  Members.uniqueEmail("matrix-signup"),
                  "password",
                  "Crunchy-" + UUID.randomUUID(),
                  "name",
                  "Matrix"),
              token);
      case "POST /auth/token" ->
          new Request(
              path, Map.of("email", bystander.email(), "password", bystander.password()), token);
      case "POST /auth/token/refresh" ->
          new Request(path, Map.of("refresh", session(bystander).refresh()), token);
      case "POST /auth/token/revoke" -> {
        Member caller = kind.valid() ? session(kind == Kind.ADMIN ? admin : member) : null;
        String refresh = caller != null ? caller.refresh() : session(bystander).refresh();
        yield new Request(
            path, Map.of("refresh", refresh), caller != null ? caller.access() : token);
      }
      case "DELETE /auth/users/resign" -> {
        if (!kind.valid()) {
          yield new Request(path, null, token);
        }
        Member leaver =
            kind == Kind.ADMIN
                ? members.newAdmin("matrix-resigning-admin")
                : members.signUp("matrix-resigning");
        yield new Request(path, null, leaver.access());
      }
      case "PUT /auth/users/{id}", "PATCH /auth/users/{id}" ->
          new Request(path, Map.of("member_type", "MEMBER"), token);
      case "POST /snacks" -> new Request(path, snackBody("matrix " + kind), token);
      case "PATCH /snacks/{uid}" ->
          new Request(path, Map.of("desc", "edited by the matrix as " + kind), token);
      case "POST /snacks/{uid}/reaction" -> new Request(path, Map.of("type", "LIKE"), token);
      case "POST /orders" ->
          new Request(path, orderBody(orderableSnacks.getOrDefault(kind, orderSnackUid), 1), token);
      case "PUT /orders/{uid}" -> new Request(path, orderBody(orderSnackUid, 2), token);
      case "PUT /orders/{uid}/status", "PATCH /orders/{uid}/status" ->
          new Request(path, Map.of("status", "CANCELLED"), token);
      case "GET /statistics/orders" -> {
        // period is required (the document does not say so); one day, today
        String today = LocalDate.now(BUSINESS_ZONE).toString();
        yield new Request(path + "?period=day&from=" + today + "&to=" + today, null, token);
      }
      default -> new Request(path, null, token);
    };
  }

  /**
   * The operation's path with real ids: the matrix's own snack and order, the bystander member, the
   * current period; an admin moving an order along gets an order of its own, so that its cell is a
   * real transition.
   */
  private String path(Operation operation, Kind kind) {
    String path = operation.path();
    if (path.startsWith("/auth/users/{id}")) {
      path = path.replace("{id}", Long.toString(bystander.id()));
    } else if (path.startsWith("/snacks/{uid}")) {
      path = path.replace("{uid}", snackUid);
    } else if (path.equals("/orders/{uid}/status") && kind == Kind.ADMIN) {
      path = path.replace("{uid}", statusOrders.get(operation.method()));
    } else if (path.startsWith("/orders/{uid}")) {
      path = path.replace("{uid}", orderUid);
    }
    LocalDate today = LocalDate.now(BUSINESS_ZONE);
    path =
        path.replace("{year}", Integer.toString(today.getYear()))
            .replace("{month}", Integer.toString(today.getMonthValue()))
            .replace("{day}", Integer.toString(today.getDayOfMonth()))
            .replace(
                "{week}",
                path.contains("/weeks/") && path.contains("{month}")
                    ? "1"
                    : Integer.toString(today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    assertThat(path)
        .as("a path parameter the matrix has no id for: give it one in SecurityMatrixIT.path")
        .doesNotContain("{");
    return path;
  }

  /** A new sign-in of the member: tokens of their own, to spend. */
  private Member session(Member who) {
    return members.login(who.email(), who.password(), who.id());
  }

  private String snackWithPicture() {
    Fixtures.Snack fixture = Fixtures.snacks().get(0);
    Api.Response created =
        api.as(member.access())
            .postMultipart(
                "/snacks/", fixture.uniqueFields(), "image", fixture.image(), fixture.imageBytes());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.json().path("uid").asString();
  }

  private String snackUid(String purpose) {
    return snacks
        .register(member, "matrix " + purpose + " " + UUID.randomUUID(), 1500)
        .path("uid")
        .asString();
  }

  private static Map<String, Object> orderBody(String snack, int quantity) {
    return Map.of("snacks", List.of(Map.of("uid", snack, "quantity", quantity)));
  }

  private static Map<String, Object> snackBody(String name) {
    return Map.of(
        "name",
        name + " " + UUID.randomUUID(),
        "url",
        "https://example.com/" + UUID.randomUUID(),
        "desc",
        "security matrix",
        "currency",
        "KRW",
        "price",
        1200);
  }

  /** An access token of the member's own session, after that session's sign-out has taken hold. */
  private String signedOut(Member who) {
    Member signingOut = session(who);
    Api.Response revoked =
        api.as(signingOut.access())
            .post("/auth/token/revoke/", Map.of("refresh", signingOut.refresh()));
    assertThat(revoked.status()).as(revoked.raw().body()).isEqualTo(204);
    // the contract: refused everywhere within a second of the sign-out (2 s allowed on a busy box)
    await()
        .atMost(Duration.ofSeconds(2))
        .until(() -> api.as(signingOut.access()).get("/auth/users/profile/").status() == 401);
    return signingOut.access();
  }

  // ---- forged tokens ----

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** The token's own claims under {@code {"alg":"none"}}, with an empty signature. */
  private static String algNone(String token) {
    String header = BASE64URL.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + token.split("\\.")[1] + ".";
  }

  /** The token with its role changed to ADMIN in the payload and its signature kept. */
  private static String upgradedToAdmin(String token) {
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertThat(claims).contains("\"member_type\":\"MEMBER\"");
    String upgraded = claims.replace("\"member_type\":\"MEMBER\"", "\"member_type\":\"ADMIN\"");
    return parts[0]
        + "."
        + BASE64URL.encodeToString(upgraded.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  /**
   * The token's claims, issued five minutes before {@code expiry} and expiring then, signed with
   * the suite's own key: the key file the local runner generated in its state folder and hands to
   * the auth-service ({@code SNACK_JWT_PRIVATE_KEY_FILE}), under the same {@code kid}.
   */
  private String resigned(String token, Instant expiry) {
    try {
      SignedJWT original = SignedJWT.parse(token);
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder(original.getJWTClaimsSet())
              .jwtID(UUID.randomUUID().toString())
              .issueTime(Date.from(expiry.minus(Duration.ofMinutes(5))))
              .expirationTime(Date.from(expiry))
              .build();
      SignedJWT signed =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(original.getHeader().getKeyID())
                  .build(),
              claims);
      signed.sign(new RSASSASigner(suiteSigningKey()));
      return signed.serialize();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot re-sign a token with the suite's key", e);
    }
  }

  private PrivateKey suiteSigningKey() throws IOException, java.security.GeneralSecurityException {
    // the runner's state folder: where RunningSuite keeps the logs, one level up
    Path file = suite.log("auth-service").getParent().getParent().resolve("jwt-signing-key.pem");
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
