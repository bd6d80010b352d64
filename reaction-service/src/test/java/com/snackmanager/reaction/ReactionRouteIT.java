package com.snackmanager.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.defaults.web.direct.DirectRoute;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Which reaction requests the direct route ({@code reactions.ReactionRoute}, below WebFlux) answers
 * and which it hands to the controller. What each answers is what {@link ReactionApiIT}, {@link
 * OutboxIT} and {@link ConcurrencyIT} check; they run through both.
 */
class ReactionRouteIT extends ReactionServiceTest {

  @Autowired DirectRoute route;

  @Test
  void aMembersReactionRequestsAreAnsweredBelowWebFlux() {
    String snack = newSnack();
    long member = newMember();
    long before = route.servedDirectly();

    react(snack, member, "LIKE").expectStatus().isOk();
    react(snack, member, "LIKE").expectStatus().isBadRequest();
    mine(snack, member).expectStatus().isOk().expectHeader().exists("X-Request-Id");
    withdraw(snack, member).expectStatus().isOk();
    withdraw(snack, member).expectStatus().isNotFound();
    react("no-such-snack", member, "HATE").expectStatus().isNotFound();

    assertThat(route.servedDirectly()).isEqualTo(before + 6);
  }

  @Test
  void whatTheRouteDoesNotTakeGoesToTheController() {
    String snack = newSnack();
    long member = newMember();
    long before = route.servedDirectly();

    // no token; another media type; an empty body; an Accept JSON cannot meet; an encoded path
    client.get().uri(path(snack)).exchange().expectStatus().isUnauthorized();
    rawPost(snack, member, MediaType.TEXT_PLAIN, "LIKE")
        .expectStatus()
        .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    client
        .post()
        .uri(path(snack))
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBearerAuth(token(member)))
        .exchange()
        .expectStatus()
        .isBadRequest();
    client
        .get()
        .uri(path(snack))
        .accept(MediaType.TEXT_HTML)
        .headers(h -> h.setBearerAuth(token(member)))
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.NOT_ACCEPTABLE);
    client
        .post()
        .uri("/snacks/" + snack + "%5F/reaction")
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBearerAuth(token(member)))
        .bodyValue(Map.of("type", "LIKE"))
        .exchange()
        .expectStatus()
        .isNotFound();

    assertThat(route.servedDirectly()).isEqualTo(before);
  }
}
