package com.snackmanager.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's own HTTP calls (logins, cache warm-up, checks, the freshness probe): the JDK's
 * client over HTTP/1.1 on loopback, JSON through Jackson. The load itself is wrk's.
 */
public final class Http {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final JsonMapper json = JsonMapper.builder().build();

  /** A response with its body as text. */
  public record Response(int status, String body, Map<String, List<String>> headers) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream())
          .findFirst()
          .orElse(null);
    }
  }

  public Response get(String url, String token) {
    return send(request(url, token).GET().build());
  }

  /** A GET that gives up after {@code timeout} (a hung service must not hang the benchmark). */
  public Response get(String url, String token, Duration timeout) {
    return send(request(url, token).timeout(timeout).GET().build());
  }

  public Response post(String url, String token, Object body) {
    return send(
        request(url, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build());
  }

  public JsonNode json(Response response) {
    return json.readTree(response.body());
  }

  /** {@code POST /auth/token/}: the member's access token. */
  public String login(String authBase, String email, String password) {
    Response response =
        post(authBase + "/auth/token/", null, Map.of("email", email, "password", password));
    if (response.status() != 200) {
      throw new IllegalStateException(
          "Login of " + email + " failed: " + response.status() + " " + response.body());
    }
    return json(response).get("access").asString();
  }

  private static HttpRequest.Builder request(String url, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
