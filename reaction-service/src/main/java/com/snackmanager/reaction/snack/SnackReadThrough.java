package com.snackmanager.reaction.snack;

import com.snackmanager.defaults.catalog.SnackServiceClient;
import com.snackmanager.defaults.catalog.SnackServiceUnavailableException;
import com.snackmanager.defaults.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Read-your-writes across services: a snack registered a moment ago may be reacted to before its
 * {@code snack.registered} event arrived here. A snack this service does not know is asked about at
 * the snack-service (with the caller's token, within {@code snack.catalog.read-through-timeout})
 * before the request is refused, and what it answers is recorded like the event would be (the
 * event, when it comes, wins if it is newer).
 */
@Component
public class SnackReadThrough {

  private static final Logger log = LoggerFactory.getLogger(SnackReadThrough.class);

  /** The Reactor context key of the caller's access token. */
  private static final String CALLER_TOKEN = SnackReadThrough.class.getName() + ".token";

  private final KnownSnacks snacks;
  private final SnackServiceClient snackService;

  SnackReadThrough(KnownSnacks snacks, SnackServiceClient snackService) {
    this.snacks = snacks;
    this.snackService = snackService;
  }

  /** The context under which {@link #learn} asks the snack-service as the caller. */
  public static Context asCaller(String accessToken) {
    return Context.of(CALLER_TOKEN, accessToken);
  }

  /**
   * Asks the snack-service about {@code uid} and records the snack if it exists.
   *
   * @return whether the snack exists (and is now known here)
   * @throws ApiException (in the Mono) a 503 when the snack-service could not be asked
   */
  public Mono<Boolean> learn(String uid) {
    return Mono.deferContextual(
            context ->
                snackService.find(uid, context.<String>getOrEmpty(CALLER_TOKEN).orElse(null)))
        .onErrorMap(SnackServiceUnavailableException.class, this::unavailable)
        .flatMap(
            answer -> {
              if (!(answer instanceof SnackServiceClient.Found snack)) {
                return Mono.just(false);
              }
              log.debug(
                  "Snack {} is not known here yet; recording the snack-service's answer", uid);
              return snacks.upsert(snack.uid(), snack.status(), snack.updatedAt()).thenReturn(true);
            });
  }

  private ApiException unavailable(SnackServiceUnavailableException error) {
    log.warn(
        "Answering 503, the snack-service could not be asked about a snack: {}", error.toString());
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, SnackServiceClient.UNAVAILABLE);
  }
}
