package com.snackmanager.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against the gateway, as the frontend or curl would talk to it. */
final class Api {

  static final JsonMapper JSON = JsonMapper.shared();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A response: status, headers and the body (parsed as JSON when it is JSON). */
  record Response(int status, HttpResponse<String> raw) {

    JsonNode json() {
      return raw.body().isEmpty() ? JSON.nullNode() : JSON.readTree(raw.body());
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String detail() {
      return json().path("detail").asString();
    }

    String contentType() {
      return header("Content-Type");
    }
  }

  private final String base;
  private final String token;

  Api(String base) {
    this(base, null);
  }

  private Api(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same client, sending this bearer token. */
  Api as(String accessToken) {
    return new Api(base, accessToken);
  }

  Response get(String path) {
    return send("GET", path, null, Map.of());
  }

  Response post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  Response put(String path, Object body) {
    return send("PUT", path, body, Map.of());
  }

  Response patch(String path, Object body) {
    return send("PATCH", path, body, Map.of());
  }

  Response delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /**
   * Sends a request; a {@code String} body goes as it is (for malformed JSON), anything else as
   * JSON.
   */
  Response send(String method, String path, Object body, Map<String, String> headers) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(
                body instanceof String text ? text : JSON.writeValueAsString(body));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, publisher);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
