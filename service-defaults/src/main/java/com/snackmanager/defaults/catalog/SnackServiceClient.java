package com.snackmanager.defaults.catalog;

import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the snack-service about one snack ({@code GET /snacks/{uid}}, with the caller's token), for
 * a service that learns of snacks by events but may be asked about a fresh uid by HTTP before its
 * event arrived (read-your-writes across services). Auto-configured where {@code
 * snack.services.snack-service} names the snack-service; {@code snack.catalog.read-through-timeout}
 * bounds the connection and the answer.
 */
public class SnackServiceClient {

  /** The {@code detail} of the 503 a service answers when it could not ask. */
  public static final String UNAVAILABLE =
      "The snack-service is temporarily unavailable, so the snacks could not be checked;"
          + " try again shortly.";

  /** A uid the snack-service could serve at {@code /snacks/{uid}}; any other names no snack. */
  private static final Pattern UID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Exact decimals: a price is never read through a double. */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final WebClient client;

  public SnackServiceClient(
      String baseUrl, Duration timeout, ObjectProvider<ObservationRegistry> observations) {
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
  public sealed interface Answer {}

  /** The snack as the snack-service has it, changed last at {@code updatedAt}. */
  public record Found(
      String uid,
      String name,
      String imageUrl,
      BigDecimal price,
      String currency,
      String status,
      Instant updatedAt)
      implements Answer {}

  /** The snack-service has no such snack. */
  public record Unknown(String uid) implements Answer {}

  /**
   * Asks for one snack.
   *
   * @param bearerToken the caller's access token, or null to ask without one
   * @return {@link Found} or {@link Unknown}; an error ({@link SnackServiceUnavailableException})
   *     if the snack-service could not be asked or gave another answer
   */
  public Mono<Answer> find(String uid, String bearerToken) {
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
    if (!"ACTIVE".equals(status) && !"RETIRED".equals(status)) {
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
