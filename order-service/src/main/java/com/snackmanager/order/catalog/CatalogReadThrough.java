package com.snackmanager.order.catalog;

import com.snackmanager.defaults.catalog.SnackServiceClient;
import com.snackmanager.defaults.web.ApiException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Read-your-writes across services: the catalog projection, and for a snack it has not heard of yet
 * (registered a moment ago, its {@code snack.catalog.v1} event still on its way) the
 * snack-service's own answer, asked with the caller's token and a short timeout. What is learned is
 * recorded with the projection's own upsert ({@link CatalogSnacks#replace}), versioned by the
 * snack's {@code updated_at}: a catalog event of a later change still replaces it, and an answer
 * older than what the projection holds changes nothing.
 *
 * <p>A snack the snack-service does not know either stays unknown (the caller's 400 "No such
 * snack."); a snack-service that cannot be asked in time is a 503 naming it.
 */
@Component
public class CatalogReadThrough {

  private static final Logger log = LoggerFactory.getLogger(CatalogReadThrough.class);

  /** Snacks asked about at once, for an order full of unknown uids. */
  private static final int CONCURRENCY = 8;

  private final CatalogSnacks snacks;
  private final SnackServiceClient snackService;
  private final Duration timeout;

  CatalogReadThrough(
      CatalogSnacks snacks,
      SnackServiceClient snackService,
      @Value("${snack.catalog.read-through-timeout}") Duration timeout) {
    this.snacks = snacks;
    this.snackService = snackService;
    this.timeout = timeout;
  }

  /**
   * The snacks among {@code uids} that the catalog knows, asking the snack-service about those the
   * projection does not hold yet.
   *
   * @throws ApiException (in the Mono) a 503 if the snack-service had to be asked and could not be
   */
  public Mono<Map<String, CatalogSnack>> findAll(Collection<String> uids) {
    return snacks
        .findAll(uids)
        .flatMap(
            known -> {
              // sorted: concurrent requests learning the same snacks upsert them in one order
              List<String> missing =
                  uids.stream().filter(uid -> !known.containsKey(uid)).distinct().sorted().toList();
              return missing.isEmpty() ? Mono.just(known) : learn(missing, known);
            });
  }

  private Mono<Map<String, CatalogSnack>> learn(
      List<String> missing, Map<String, CatalogSnack> known) {
    return bearerToken()
        .flatMap(
            token ->
                Flux.fromIterable(missing)
                    .flatMapSequential(
                        uid -> snackService.find(uid, token.orElse(null)), CONCURRENCY)
                    .collectList())
        .timeout(timeout)
        .onErrorMap(this::unavailable)
        .flatMap(
            answers ->
                Flux.fromIterable(answers)
                    .ofType(SnackServiceClient.Found.class)
                    .concatMap(this::record)
                    .then(snacks.findAll(missing)))
        .map(
            learned -> {
              Map<String, CatalogSnack> all = new HashMap<>(known);
              all.putAll(learned);
              return all;
            });
  }

  private Mono<Void> record(SnackServiceClient.Found snack) {
    log.debug(
        "Snack {} is not in the catalog projection yet; recording the snack-service's answer",
        snack.uid());
    return snacks.replace(
        new CatalogSnack(
            snack.uid(),
            snack.name(),
            snack.imageUrl(),
            snack.price(),
            snack.currency(),
            CatalogSnacks.RETIRED.equals(snack.status())),
        snack.updatedAt());
  }

  private Throwable unavailable(Throwable error) {
    String reason =
        error instanceof TimeoutException
            ? "no answer within " + timeout
            : error.getMessage() + (error.getCause() == null ? "" : " (" + error.getCause() + ")");
    log.warn("Answering 503, the snack-service could not be asked about snacks: {}", reason);
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, SnackServiceClient.UNAVAILABLE);
  }

  /** The caller's access token, passed on so the snack-service sees the same member. */
  private static Mono<Optional<String>> bearerToken() {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .map(CatalogReadThrough::tokenValue)
        .defaultIfEmpty(Optional.empty());
  }

  private static Optional<String> tokenValue(Authentication authentication) {
    return authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token
        ? Optional.of(token.getToken().getTokenValue())
        : Optional.empty();
  }
}
