package com.snackmanager.order.catalog;

import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snack-service's {@code GET /snacks/{uid}}: one snack as the snack-service has it now, asked
 * with the caller's own access token (the snack-service lets any member read a snack).
 */
@Component
class SnackServiceClient {

  /** A uid the snack-service could serve at {@code /snacks/{uid}}; any other names no snack. */
  private static final Pattern UID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Exact decimals: a price is never read through a double. */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final WebClient client;

  SnackServiceClient(
      @Value("${snack.services.snack-service}") String baseUrl,
      @Value("${snack.catalog.read-through-timeout}") Duration timeout,
      ObjectProvider<ObservationRegistry> observations) {
    HttpClient http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
            .responseTimeout(timeout);
    this.client =
        WebClient.builder()
            .baseUrl(baseUrl)
            .clientConnector(new ReactorClientHttpConnector(http))
            // the trace continues into the snack-service
            .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
            .build();
  }

  /** The snack-service's answer about one snack. */
  sealed interface Answer {}

  /** The snack as the snack-service has it, changed last at {@code updatedAt}. */
  record Found(
      String uid,
      String name,
      String imageUrl,
      BigDecimal price,
      String currency,
      String status,
      Instant updatedAt)
      implements Answer {}

  /** The snack-service has no such snack. */
  record Unknown(String uid) implements Answer {}

  /**
   * Asks for one snack.
   *
   * @param bearerToken the caller's access token, or null to ask without one
   * @return {@link Found} or {@link Unknown}; an error ({@link SnackServiceUnavailableException})
   *     if the snack-service could not be asked or gave another answer
   */
  Mono<Answer> find(String uid, String bearerToken) {
    if (!UID.matcher(uid).matches()) {
      return Mono.just(new Unknown(uid));
    }
    return client
        .get()
        .uri("/snacks/{uid}", uid)
        .accept(MediaType.APPLICATION_JSON)
        .headers(
            headers -> {
              if (bearerToken != null) {
                headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
              }
            })
        .exchangeToMono(
            response -> {
              if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return response.releaseBody().thenReturn((Answer) new Unknown(uid));
              }
              if (!response.statusCode().is2xxSuccessful()) {
                return response
                    .releaseBody()
                    .then(
                        Mono.error(
                            new SnackServiceUnavailableException(
                                "GET /snacks/" + uid + " answered " + response.statusCode(),
                                null)));
              }
              return response
                  .bodyToMono(String.class)
                  .defaultIfEmpty("")
                  .map(body -> (Answer) found(uid, body));
            })
        .onErrorMap(
            error -> !(error instanceof SnackServiceUnavailableException),
            error -> new SnackServiceUnavailableException("GET /snacks/" + uid + " failed", error));
  }

  private static Found found(String uid, String body) {
    JsonNode snack;
    try {
      snack = JSON.readTree(body);
    } catch (RuntimeException e) {
      throw malformed(uid, "not JSON", e);
    }
    if (!uid.equals(snack.path("uid").asString(null))) {
      throw malformed(uid, "another uid: " + snack.path("uid"), null);
    }
    String status = text(snack, "status", uid);
    if (!CatalogSnacks.ACTIVE.equals(status) && !CatalogSnacks.RETIRED.equals(status)) {
      throw malformed(uid, "status " + status, null);
    }
    JsonNode price = snack.path("price");
    if (!price.isNumber() || price.decimalValue().signum() < 0) {
      throw malformed(uid, "price " + price, null);
    }
    Instant updatedAt;
    try {
      updatedAt = Instant.parse(text(snack, "updated_at", uid));
    } catch (DateTimeParseException e) {
      throw malformed(uid, "updated_at " + snack.path("updated_at"), e);
    }
    JsonNode image = snack.path("image");
    return new Found(
        uid,
        text(snack, "name", uid),
        image.isString() ? image.asString() : null,
        price.decimalValue(),
        text(snack, "currency", uid),
        status,
        updatedAt);
  }

  private static String text(JsonNode snack, String field, String uid) {
    JsonNode value = snack.path(field);
    if (!value.isString() || value.asString().isBlank()) {
      throw malformed(uid, field + " missing", null);
    }
    return value.asString();
  }

  private static SnackServiceUnavailableException malformed(
      String uid, String problem, Throwable cause) {
    return new SnackServiceUnavailableException(
        "GET /snacks/" + uid + " answered an unexpected snack (" + problem + ")", cause);
  }
}
