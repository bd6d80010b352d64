package com.snackmanager.reaction.snack;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.defaults.catalog.SnackServiceClient;
import com.snackmanager.reaction.ReactionServiceTest;
import com.snackmanager.testsupport.SnackServiceStub;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * A snack registered a moment ago is reacted to before its event reached this service: the
 * snack-service (a stand-in here) is asked, with the caller's token, before the request is refused.
 */
class SnackReadThroughIT extends ReactionServiceTest {

  private final SnackServiceStub snackService = SnackServiceStub.get();

  @Test
  void aSnackOnlyTheSnackServiceKnowsYetTakesReactionsAtOnce() {
    String uid = freshUid();
    snackService.put(snack(uid, "ACTIVE"));
    long member = newMember();

    assertThat(body(react(uid, member, "LIKE"), HttpStatus.OK))
        .containsEntry("like_reaction_count", 1)
        .containsEntry("hate_reaction_count", 0);

    // asked as the caller: with the member's own token
    assertThat(snackService.requestsFor(uid))
        .singleElement()
        .extracting(request -> subject(request.authorization()))
        .isEqualTo(Long.toString(member));
    assertThat(storedStatus(uid)).isEqualTo("ACTIVE");
    // known now: the next request does not ask again
    assertThat(body(mine(uid, newMember()), HttpStatus.OK)).containsEntry("like_reaction_count", 1);
    assertThat(snackService.requestsFor(uid)).hasSize(1);
  }

  @Test
  void aRetiredSnackLearnedThatWayStillTakesReactions() {
    String uid = freshUid();
    snackService.put(snack(uid, "RETIRED"));

    react(uid, newMember(), "HATE").expectStatus().isOk();

    assertThat(storedStatus(uid)).isEqualTo("RETIRED");
  }

  @Test
  void aSnackNobodyKnowsIsStillA404() {
    String uid = freshUid();

    expectProblem(react(uid, newMember(), "LIKE"), HttpStatus.NOT_FOUND, "Snack not found.");

    assertThat(snackService.requestsFor(uid)).hasSize(1);
    assertThat(storedStatus(uid)).isNull();
  }

  @Test
  void anUnreachableSnackServiceIsA503AndNothingIsRecorded() {
    String uid = freshUid();
    snackService.put(snack(uid, "ACTIVE"));
    snackService.stop();
    try {
      expectProblem(
          react(uid, newMember(), "LIKE"),
          HttpStatus.SERVICE_UNAVAILABLE,
          SnackServiceClient.UNAVAILABLE);
      assertThat(storedStatus(uid)).isNull();
    } finally {
      snackService.start();
    }
    react(uid, newMember(), "LIKE").expectStatus().isOk();
  }

  /** The {@code sub} of a {@code Bearer} token. */
  private static String subject(String authorization) {
    assertThat(authorization).startsWith("Bearer ");
    String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
    String claims = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    return JsonMapper.shared().readTree(claims).path("sub").asString();
  }

  private static String freshUid() {
    return "sn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private static SnackServiceStub.Snack snack(String uid, String status) {
    return new SnackServiceStub.Snack(
        uid, "꼬북칩", null, "KRW", new BigDecimal("1500"), status, Instant.now());
  }
}
