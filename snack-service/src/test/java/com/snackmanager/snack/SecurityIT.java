package com.snackmanager.snack;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.testsupport.ManagementPort;
import com.snackmanager.testsupport.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Who may call what: tokens are checked by the service's real JWKS-backed decoder. */
class SecurityIT extends SnackServiceTest {

  /** Actuator's own port (random in tests), where the probes and Prometheus go. */
  @LocalManagementPort int managementPort;

  static final String NO_TOKEN = "Authentication credentials were not provided.";
  static final String BAD_TOKEN = "Given token not valid for any token type";

  @Test
  void everySnackEndpointButThePictureNeedsAToken() {
    expectProblem(get("/snacks/", null), HttpStatus.UNAUTHORIZED, NO_TOKEN);
    expectProblem(get("/snacks/sn_0000000000/", null), HttpStatus.UNAUTHORIZED, NO_TOKEN);
    expectProblem(postJson("/snacks/", null, Map.of()), HttpStatus.UNAUTHORIZED, NO_TOKEN);
    expectProblem(
        patchJson("/snacks/sn_0000000000/", null, Map.of()), HttpStatus.UNAUTHORIZED, NO_TOKEN);
    // the picture is public: an unknown one is a 404, not a 401
    client.get().uri("/snacks/sn_0000000000/image").exchange().expectStatus().isNotFound();
  }

  @Test
  void expiredForgedAndRefreshTokensAreRefused() {
    TestTokens tokens = TestTokens.get();
    String expired = tokens.expired(1);
    String refresh = tokens.sign(tokens.claims(1, "MEMBER").claim("token_type", "refresh").build());
    String otherIssuer = tokens.sign(tokens.claims(1, "MEMBER").issuer("someone-else").build());
    String tampered = tokens.member(1) + "x";
    for (String token : new String[] {expired, refresh, otherIssuer, tampered}) {
      expectProblem(get("/snacks/", token), HttpStatus.UNAUTHORIZED, BAD_TOKEN);
    }
  }

  @Test
  void onlyAdminsEdit() {
    expectProblem(
        patchJson("/snacks/sn_0000000000/", member(), Map.of("status", "RETIRED")),
        HttpStatus.FORBIDDEN,
        "You do not have permission to perform this action.");
    patchJson("/snacks/sn_0000000000/", admin(), Map.of("status", "RETIRED"))
        .expectStatus()
        .isNotFound();
  }

  @Test
  void healthAndApiDocsArePublicAndTheDocsSpeakSnakeCase() {
    assertThat(ManagementPort.status(managementPort, "/actuator/health")).isEqualTo(200);
    client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    JsonNode docs = json(client.get().uri("/v3/api-docs").exchange(), HttpStatus.OK);
    assertThat(docs.at("/paths").propertyNames())
        .contains("/snacks", "/snacks/{uid}", "/snacks/{uid}/image");
    assertThat(docs.at("/components/schemas/SnackView/properties").propertyNames())
        .contains("like_reaction_count", "hate_reaction_count", "like_ratio", "created_at");
    assertThat(docs.at("/components/securitySchemes/bearer/scheme").stringValue())
        .isEqualTo("bearer");
  }
}
