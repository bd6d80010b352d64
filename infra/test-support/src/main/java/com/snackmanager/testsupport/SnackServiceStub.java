package com.snackmanager.testsupport;

import io.netty.channel.ChannelOption;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on loopback standing in for the snack-service's {@code GET /snacks/{uid}}, the
 * order-service's read-through. It answers a snack a test put here with the snack-service's JSON
 * (snake_case, every field of its {@code SnackView}), anything else with a 404 problem; a uid
 * starting with {@link #SLOW} after {@link #SLOW_DELAY}, one starting with {@link #BROKEN} with a
 * 500. It remembers what it was asked (path and Authorization header). It can be stopped and
 * started again on the same port, to be a snack-service that is down.
 */
public final class SnackServiceStub {

  public static final String SLOW = "sn_slow";
  public static final String BROKEN = "sn_broken";
  public static final Duration SLOW_DELAY = Duration.ofSeconds(6);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static SnackServiceStub instance;

  /** A request the stub received. */
  public record Request(String path, String authorization) {}

  /** A snack as the snack-service would answer it. */
  public record Snack(
      String uid,
      String name,
      String image,
      String currency,
      BigDecimal price,
      String status,
      Instant updatedAt) {}

  private final int port;
  private final Map<String, Snack> snacks = new ConcurrentHashMap<>();
  private final Map<String, Runnable> beforeAnswer = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private DisposableServer server;

  private SnackServiceStub() {
    server = bind(0);
    port = server.port();
  }

  public static synchronized SnackServiceStub get() {
    if (instance == null) {
      instance = new SnackServiceStub();
    }
    return instance;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Makes the stub answer this snack. */
  public void put(Snack snack) {
    snacks.put(snack.uid(), snack);
  }

  /** Runs {@code action} (blocking) when the snack is asked for, before the answer is sent. */
  public void beforeAnswering(String uid, Runnable action) {
    beforeAnswer.put(uid, action);
  }

  /** Every request received, oldest first. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests received for one snack, oldest first. */
  public List<Request> requestsFor(String uid) {
    return requests.stream().filter(r -> r.path().equals("/snacks/" + uid)).toList();
  }

  /** Stops listening: connections to its port are refused until {@link #start()}. */
  public synchronized void stop() {
    server.disposeNow();
  }

  public synchronized void start() {
    server = bind(port);
  }

  private DisposableServer bind(int port) {
    return HttpServer.create()
        .host("127.0.0.1")
        .port(port)
        .option(ChannelOption.SO_REUSEADDR, true)
        .handle(this::handle)
        .bindNow();
  }

  private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    String path = URI.create(request.uri()).getRawPath();
    requests.add(new Request(path, request.requestHeaders().get("Authorization")));
    String uid = path.startsWith("/snacks/") ? path.substring("/snacks/".length()) : "";
    if (uid.startsWith(SLOW)) {
      return Mono.delay(SLOW_DELAY).then(Mono.from(notFound(response)));
    }
    if (uid.startsWith(BROKEN)) {
      return json(response, 500, "{\"status\":500,\"detail\":\"Internal server error.\"}");
    }
    Runnable action = beforeAnswer.remove(uid);
    Mono<Void> before =
        action == null
            ? Mono.empty()
            : Mono.fromRunnable(action).subscribeOn(Schedulers.boundedElastic()).then();
    return before.then(
        Mono.defer(
            () -> {
              Snack snack = snacks.get(uid);
              return Mono.from(snack == null ? notFound(response) : found(response, snack));
            }));
  }

  private static Publisher<Void> found(HttpServerResponse response, Snack snack) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("uid", snack.uid());
    view.put("name", snack.name());
    view.put("url", "https://shop.example.com/" + snack.uid());
    view.put("desc", "");
    view.put("image", snack.image());
    view.put("currency", snack.currency());
    view.put("price", snack.price());
    view.put("status", snack.status());
    view.put("like_reaction_count", 0);
    view.put("hate_reaction_count", 0);
    view.put("like_ratio", 0);
    view.put("created_at", snack.updatedAt().toString());
    view.put("updated_at", snack.updatedAt().toString());
    return response
        .status(200)
        .header("Content-Type", "application/json")
        .sendString(Mono.just(JSON.writeValueAsString(view)))
        .then();
  }

  private static Publisher<Void> notFound(HttpServerResponse response) {
    return json(response, 404, "{\"status\":404,\"detail\":\"Snack not found.\"}");
  }

  private static Publisher<Void> json(HttpServerResponse response, int status, String body) {
    return response
        .status(status)
        .header("Content-Type", "application/problem+json")
        .sendString(Mono.just(body))
        .then();
  }
}
