package com.snackmanager.gateway;

import com.snackmanager.testsupport.FreePorts;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP servers on loopback standing in for the services. Each answers with what it received
 * (service, method, path, query, Authorization and forwarding headers, body), so a test can see
 * what the gateway forwarded. Special paths: {@code /v3/api-docs} (a small OpenAPI document),
 * {@code /auth/jwks} (the test key), {@code .../missing} (404), {@code .../invalid} (400), {@code
 * .../broken} (500), {@code .../slow} (answers after {@link #SLOW}), {@code .../busy} (after {@link
 * #BUSY}). The statistics-service is not running: its URL is a port nobody listens on.
 */
final class StubServices {

  static final Duration SLOW = Duration.ofSeconds(6);

  /** How long {@code .../busy} takes: long enough for many requests to be in flight at once. */
  static final Duration BUSY = Duration.ofMillis(800);

  static final List<String> RUNNING =
      List.of("auth-service", "snack-service", "reaction-service", "order-service");
  static final String NOT_RUNNING = "statistics-service";

  private static StubServices instance;
  private static final AtomicBoolean keysAvailable = new AtomicBoolean(true);
  private static final AtomicInteger keyRequests = new AtomicInteger();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, URI> urls = new LinkedHashMap<>();

  private StubServices() {
    for (String service : RUNNING) {
      DisposableServer server =
          HttpServer.create()
              .host("127.0.0.1")
              .port(0)
              .handle((request, response) -> handle(service, request, response))
              .bindNow();
      urls.put(service, URI.create("http://127.0.0.1:" + server.port()));
    }
    urls.put(NOT_RUNNING, URI.create("http://127.0.0.1:" + FreePorts.find()));
  }

  static synchronized StubServices get() {
    if (instance == null) {
      instance = new StubServices();
    }
    return instance;
  }

  /** Makes the stub auth-service's JWKS endpoint fail (false) or work again (true). */
  static void keysAvailable(boolean available) {
    keysAvailable.set(available);
  }

  /** How many times the stub auth-service's JWKS was asked for. */
  static int keyRequests() {
    return keyRequests.get();
  }

  URI url(String service) {
    return urls.get(service);
  }

  Map<String, URI> urls() {
    return urls;
  }

  private static Publisher<Void> handle(
      String service, HttpServerRequest request, HttpServerResponse response) {
    URI uri = URI.create(request.uri());
    String path = uri.getRawPath();
    if (path.equals("/v3/api-docs")) {
      return json(response, 200, "application/json", apiDocs(service));
    }
    if (path.startsWith("/auth/jwks")) {
      keyRequests.incrementAndGet();
      return keysAvailable.get()
          ? json(response, 200, "application/json", TestTokens.jwks())
          : json(response, 503, "application/problem+json", "{\"status\":503}");
    }
    if (path.endsWith("/missing")) {
      return json(
          response,
          404,
          "application/problem+json",
          "{\"status\":404,\"detail\":\"No such snack.\"}");
    }
    if (path.endsWith("/invalid")) {
      return json(
          response, 400, "application/problem+json", "{\"status\":400,\"detail\":\"Bad input.\"}");
    }
    if (path.endsWith("/broken")) {
      return json(
          response, 500, "application/problem+json", "{\"status\":500,\"detail\":\"It broke.\"}");
    }
    if (path.endsWith("/image")) {
      return response
          .status(200)
          .header("Content-Type", "image/png")
          .header("Cache-Control", "public, max-age=86400")
          .header("ETag", "\"v1\"")
          .sendByteArray(Mono.just(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
          .then();
    }
    Mono<Void> wait =
        path.endsWith("/slow")
            ? Mono.delay(SLOW).then()
            : path.endsWith("/busy") ? Mono.delay(BUSY).then() : Mono.empty();
    return wait.then(
        request
            .receive()
            .aggregate()
            .asString()
            .defaultIfEmpty("")
            .flatMap(
                body -> {
                  Map<String, Object> echo = new LinkedHashMap<>();
                  echo.put("service", service);
                  echo.put("method", request.method().name());
                  echo.put("path", path);
                  echo.put("query", uri.getRawQuery());
                  echo.put("authorization", request.requestHeaders().get("Authorization"));
                  echo.put("x_forwarded_for", request.requestHeaders().get("X-Forwarded-For"));
                  echo.put("x_forwarded_host", request.requestHeaders().get("X-Forwarded-Host"));
                  echo.put("forwarded", request.requestHeaders().get("Forwarded"));
                  echo.put("traceparent", request.requestHeaders().get("traceparent"));
                  echo.put("body", body);
                  // a service must not answer CORS itself: the gateway drops these
                  response.header("Access-Control-Allow-Origin", "*");
                  response.header("X-Total-Count", "1");
                  return Mono.from(
                      json(response, 200, "application/json", JSON.writeValueAsString(echo)));
                }));
  }

  private static Publisher<Void> json(
      HttpServerResponse response, int status, String type, String body) {
    return response.status(status).header("Content-Type", type).sendString(Mono.just(body)).then();
  }

  /** A document like springdoc's: one path per service, one own schema, one shared name. */
  private static String apiDocs(String service) {
    String prefix =
        switch (service) {
          case "auth-service" -> "/auth/users";
          case "snack-service" -> "/snacks";
          case "reaction-service" -> "/snacks/{uid}/reaction";
          case "order-service" -> "/orders";
          default -> "/" + service;
        };
    String own = schemaOf(service);
    return """
        {"openapi":"3.1.0","info":{"title":"%s","version":"v1"},
         "tags":[{"name":"%s"}],
         "paths":{"%s/":{"get":{"tags":["%s"],"responses":{"200":{"description":"ok",
           "content":{"application/json":{"schema":{"$ref":"#/components/schemas/%s"}}}}}}}},
         "components":{"schemas":{
           "%s":{"type":"object","properties":{"error":{"$ref":"#/components/schemas/Problem"}}},
           "Problem":{"type":"object","properties":{"detail":{"type":"string"},"%s":{"type":"string"}}}}}}
        """
        .formatted(service, service, prefix, service, own, own, service);
  }

  /** The schema only this service's stub document has. */
  static String schemaOf(String service) {
    return service.replace("-", "_") + "_view";
  }
}
