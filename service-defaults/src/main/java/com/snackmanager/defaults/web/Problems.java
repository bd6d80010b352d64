package com.snackmanager.defaults.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents and writes them where no codec is at hand (security handlers,
 * web filters, the last-resort error handler).
 */
public final class Problems {

  private final JsonMapper jsonMapper;

  public Problems(JsonMapper jsonMapper) {
    this.jsonMapper = jsonMapper;
  }

  public static ProblemDetail of(
      HttpStatusCode status, String detail, Map<String, List<String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  public static ProblemDetail of(HttpStatusCode status, String detail) {
    return of(status, detail, Map.of());
  }

  /** Writes the problem as the response body, unless the response is already committed. */
  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    HttpStatus status = HttpStatus.resolve(problem.getStatus());
    response.setStatusCode(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] body = body(problem, exchange.getRequest().getPath().value(), RequestIds.of(exchange));
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  /**
   * The problem document as JSON bytes, for a response written without an exchange (the direct
   * routes, {@code web.direct}): its {@code instance} is {@code path} unless set, and it names the
   * request.
   */
  public byte[] body(ProblemDetail problem, String path, String requestId) {
    if (problem.getInstance() == null) {
      problem.setInstance(java.net.URI.create(path));
    }
    problem.setProperty("request_id", requestId);
    return jsonMapper.writeValueAsBytes(asMap(problem));
  }

  private static Map<String, Object> asMap(ProblemDetail problem) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
    map.put("title", problem.getTitle());
    map.put("status", problem.getStatus());
    map.put("detail", problem.getDetail());
    map.put("instance", String.valueOf(problem.getInstance()));
    if (problem.getProperties() != null) {
      map.putAll(problem.getProperties());
    }
    return map;
  }
}
