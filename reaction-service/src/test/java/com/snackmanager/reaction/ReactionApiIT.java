package com.snackmanager.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The reaction endpoints, happy and unhappy paths. */
class ReactionApiIT extends ReactionServiceTest {

  private static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";
  private static final String INVALID_TOKEN = "Given token not valid for any token type";

  @Test
  void setSwitchWithdrawAndReadMine() {
    String snack = newSnack();
    long member = newMember();

    assertThat(body(mine(snack, member), HttpStatus.OK))
        .containsEntry("my_reaction", null)
        .containsEntry("like_reaction_count", 0)
        .containsEntry("hate_reaction_count", 0);

    assertThat(body(react(snack, member, "LIKE"), HttpStatus.OK))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "snack_uid",
                snack,
                "type",
                "LIKE",
                "like_reaction_count",
                1,
                "hate_reaction_count",
                0,
                "like_ratio",
                1));
    assertThat(body(mine(snack, member), HttpStatus.OK)).containsEntry("my_reaction", "LIKE");

    expectProblem(
        react(snack, member, "LIKE"), HttpStatus.BAD_REQUEST, "Cannot add same reaction.");

    assertThat(body(react(snack, member, "HATE"), HttpStatus.OK))
        .containsEntry("type", "HATE")
        .containsEntry("like_reaction_count", 0)
        .containsEntry("hate_reaction_count", 1)
        .containsEntry("like_ratio", 0);
    assertThat(body(mine(snack, member), HttpStatus.OK))
        .containsEntry("my_reaction", "HATE")
        .containsEntry("hate_reaction_count", 1);
    expectProblem(
        react(snack, member, "HATE"), HttpStatus.BAD_REQUEST, "Cannot add same reaction.");

    assertThat(body(withdraw(snack, member), HttpStatus.OK))
        .containsEntry("snack_uid", snack)
        .containsEntry("type", null)
        .containsEntry("like_reaction_count", 0)
        .containsEntry("hate_reaction_count", 0);
    expectProblem(
        withdraw(snack, member), HttpStatus.NOT_FOUND, "You have no reaction to this snack.");
    assertThat(body(mine(snack, member), HttpStatus.OK)).containsEntry("my_reaction", null);

    // and back again after a withdrawal
    assertThat(body(react(snack, member, "LIKE"), HttpStatus.OK))
        .containsEntry("like_reaction_count", 1);
    assertThat(storedReaction(snack, member)).isEqualTo("LIKE");
  }

  @Test
  void theTrailingSlashIsOptional() {
    String snack = newSnack();
    long member = newMember();
    client
        .post()
        .uri(path(snack) + "/")
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBearerAuth(token(member)))
        .bodyValue(Map.of("type", "HATE"))
        .exchange()
        .expectStatus()
        .isOk();
    client
        .get()
        .uri(path(snack) + "/")
        .headers(h -> h.setBearerAuth(token(member)))
        .exchange()
        .expectBody()
        .jsonPath("$.my_reaction")
        .isEqualTo("HATE");
    client
        .delete()
        .uri(path(snack) + "/")
        .headers(h -> h.setBearerAuth(token(member)))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void countsAndRatioFollowEveryMember() {
    String snack = newSnack();
    for (int i = 0; i < 7; i++) {
      react(snack, newMember(), "LIKE").expectStatus().isOk();
    }
    long lastHater = newMember();
    react(snack, newMember(), "HATE").expectStatus().isOk();
    react(snack, newMember(), "HATE").expectStatus().isOk();
    Map<String, Object> seven = body(react(snack, lastHater, "HATE"), HttpStatus.OK);
    assertThat(seven)
        .containsEntry("like_reaction_count", 7)
        .containsEntry("hate_reaction_count", 3)
        .containsEntry("like_ratio", 2.333);
    // another member sees the same counts
    assertThat(body(mine(snack, newMember()), HttpStatus.OK))
        .containsEntry("my_reaction", null)
        .containsEntry("like_reaction_count", 7)
        .containsEntry("hate_reaction_count", 3)
        .containsEntry("like_ratio", 2.333);
    assertThat(storedCounts(snack)).isEqualTo(new Counts(7, 3));
  }

  @Test
  void anAdminReactsLikeAnyMember() {
    String snack = newSnack();
    client
        .post()
        .uri(path(snack))
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBearerAuth(TestTokens.get().admin(newMember())))
        .bodyValue(Map.of("type", "LIKE"))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void anUnknownSnackIsNotFound() {
    long member = newMember();
    for (String snack : List.of("sn_doesNotExist", "not.a.uid!", "x".repeat(65))) {
      expectProblem(react(snack, member, "LIKE"), HttpStatus.NOT_FOUND, "Snack not found.");
      expectProblem(withdraw(snack, member), HttpStatus.NOT_FOUND, "Snack not found.");
      expectProblem(mine(snack, member), HttpStatus.NOT_FOUND, "Snack not found.");
    }
  }

  @Test
  void aTypeOtherThanLikeOrHateIsRefusedAndNothingChanges() {
    String snack = newSnack();
    long member = newMember();
    react(snack, member, "LIKE").expectStatus().isOk();

    for (Object type : List.of("LOVE", "like", "", " LIKE")) {
      react(snack, member, Map.of("type", type))
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors.type[0]")
          .value(message -> assertThat((String) message).contains("not a valid choice"));
    }
    for (Object type : List.of(1, 0, true, List.of("LIKE"), Map.of("name", "LIKE"))) {
      react(snack, member, Map.of("type", type))
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors.type")
          .exists();
    }
    react(snack, member, Map.of())
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.type[0]")
        .isEqualTo("type: This field is required.");
    react(snack, member, java.util.Collections.singletonMap("type", null))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.type[0]")
        .isEqualTo("type: This field is required.");

    assertThat(storedReaction(snack, member)).isEqualTo("LIKE");
    assertThat(outboxEvents(snack)).hasSize(1);
  }

  @Test
  void malformedOversizedOrNonJsonBodiesAreRefused() {
    String snack = newSnack();
    long member = newMember();
    expectProblem(
        rawPost(snack, member, MediaType.APPLICATION_JSON, "{\"type\": \"LIKE\""),
        HttpStatus.BAD_REQUEST,
        "Malformed JSON request body.");
    rawPost(snack, member, MediaType.APPLICATION_JSON, "[\"LIKE\"]").expectStatus().isBadRequest();
    rawPost(snack, member, MediaType.APPLICATION_JSON, "\"LIKE\"").expectStatus().isBadRequest();
    rawPost(snack, member, MediaType.APPLICATION_JSON, "").expectStatus().isBadRequest();
    expectProblem(
        rawPost(
            snack,
            member,
            MediaType.APPLICATION_JSON,
            "{\"type\": \"LIKE\", \"padding\": \"" + "x".repeat(300 * 1024) + "\"}"),
        HttpStatus.CONTENT_TOO_LARGE,
        "Request body is too large.");
    rawPost(snack, member, MediaType.TEXT_PLAIN, "LIKE")
        .expectStatus()
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

    assertThat(storedReaction(snack, member)).isNull();
    assertThat(outboxEvents(snack)).isEmpty();
  }

  @Test
  void everyEndpointNeedsAValidAccessToken() {
    String snack = newSnack();
    expectProblem(
        client
            .post()
            .uri(path(snack))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("type", "LIKE"))
            .exchange(),
        HttpStatus.UNAUTHORIZED,
        NOT_AUTHENTICATED);
    expectProblem(
        client.delete().uri(path(snack)).exchange(), HttpStatus.UNAUTHORIZED, NOT_AUTHENTICATED);
    expectProblem(
        client.get().uri(path(snack)).exchange(), HttpStatus.UNAUTHORIZED, NOT_AUTHENTICATED);

    String refreshToken =
        TestTokens.get()
            .sign(
                TestTokens.get()
                    .claims(newMember(), "MEMBER")
                    .claim("token_type", "refresh")
                    .build());
    String expired =
        TestTokens.get()
            .sign(
                TestTokens.get()
                    .claims(newMember(), "MEMBER")
                    .expirationTime(new java.util.Date(System.currentTimeMillis() - 600_000))
                    .build());
    for (String bad : List.of("not-a-jwt", refreshToken, expired)) {
      expectProblem(
          client.get().uri(path(snack)).headers(h -> h.setBearerAuth(bad)).exchange(),
          HttpStatus.UNAUTHORIZED,
          INVALID_TOKEN);
    }
    assertThat(outboxEvents(snack)).isEmpty();
  }

  @Test
  void onlyPostGetAndDeleteAreAllowed() {
    String snack = newSnack();
    long member = newMember();
    client
        .put()
        .uri(path(snack))
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBearerAuth(token(member)))
        .bodyValue(Map.of("type", "LIKE"))
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
  }

  @Test
  void theApiDocumentNamesTheEndpointsInSnakeCaseWithoutAToken() {
    client
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/snacks/{uid}/reaction'].post")
        .exists()
        .jsonPath("$.paths['/snacks/{uid}/reaction'].delete")
        .exists()
        .jsonPath("$.paths['/snacks/{uid}/reaction'].get")
        .exists()
        .jsonPath("$.components.schemas.ReactionResponse.properties.like_ratio")
        .exists()
        .jsonPath("$.components.schemas.MyReactionResponse.properties.my_reaction")
        .exists()
        .jsonPath("$.components.securitySchemes.bearer.scheme")
        .isEqualTo("bearer");
  }
}
