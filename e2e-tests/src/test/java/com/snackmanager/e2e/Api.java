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

  /** A multipart/form-data POST, as the frontend registers a snack with its picture. */
  Response postMultipart(
      String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
    String boundary = "snack-" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(utf8)));
    if (file != null) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fileField
                  + "\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(utf8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(utf8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
    return sendBytes(
        "POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary, Map.of());
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
    return execute(request, method, path);
  }

  Response sendBytes(
      String method, String path, byte[] body, String contentType, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", contentType);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return execute(request, method, path);
  }

  private Response execute(HttpRequest.Builder request, String method, String path) {
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
