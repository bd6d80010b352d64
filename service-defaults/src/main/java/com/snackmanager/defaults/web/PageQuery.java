package com.snackmanager.defaults.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The {@code ?page=N&page_size=M} of a list request (1-based, default size 100, at most 1000; at
 * most {@value #MAX_OFFSET} rows skipped, so no request makes the database walk an unbounded {@code
 * OFFSET}), and the {@code X-Total-Count} and RFC 8288 {@code Link} headers of its response.
 */
public record PageQuery(int page, int pageSize) {

  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final int MAX_PAGE_SIZE = 1000;

  /**
   * The most rows a page may skip: every page of a million-row list (the benchmark's data set is
   * 100,000 snacks and orders, 1,000,000 reactions), no deeper.
   */
  public static final long MAX_OFFSET = 1_000_000;

  public static PageQuery from(ServerHttpRequest request) {
    var params = request.getQueryParams();
    int page = parse("page", params.getFirst("page"), 1, 1, Integer.MAX_VALUE);
    int size =
        parse("page_size", params.getFirst("page_size"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    long deepest = MAX_OFFSET / size + 1;
    if (page > deepest) {
      throw ApiException.invalidField(
          "page",
          "page: Must be at most "
              + deepest
              + " with page_size "
              + size
              + " (at most "
              + MAX_OFFSET
              + " rows are skipped; narrow the list with its filters or ordering).");
    }
    return new PageQuery(page, size);
  }

  public long offset() {
    return (long) (page - 1) * pageSize;
  }

  /**
   * Headers for a page of {@code total} items: the count, and links (relative to the request, so
   * they stay right behind the gateway) to the next and previous pages where they exist.
   */
  public HttpHeaders headers(ServerHttpRequest request, long total) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Total-Count", Long.toString(total));
    StringBuilder links = new StringBuilder();
    if (offset() + pageSize < total) {
      links.append(link(request, page + 1, "next"));
    }
    if (page > 1) {
      if (!links.isEmpty()) {
        links.append(", ");
      }
      links.append(link(request, page - 1, "prev"));
    }
    if (!links.isEmpty()) {
      headers.set(HttpHeaders.LINK, links.toString());
      headers.setAccessControlExposeHeaders(java.util.List.of("X-Total-Count", HttpHeaders.LINK));
    }
    return headers;
  }

  /**
   * The same list at another page: the request's path, its other query parameters decoded and
   * encoded again (so nothing a client typed can close the {@code <…>} or add a parameter to the
   * header), then {@code page} and {@code page_size}.
   */
  private String link(ServerHttpRequest request, int target, String rel) {
    StringBuilder uri = new StringBuilder(request.getPath().value()).append('?');
    request
        .getQueryParams()
        .forEach(
            (name, values) -> {
              if (!name.equals("page") && !name.equals("page_size")) {
                values.forEach(value -> appendParameter(uri, name, value == null ? "" : value));
              }
            });
    appendParameter(uri, "page", Integer.toString(target));
    appendParameter(uri, "page_size", Integer.toString(pageSize));
    return "<" + uri + ">; rel=\"" + rel + "\"";
  }

  private static void appendParameter(StringBuilder uri, String name, String value) {
    if (uri.charAt(uri.length() - 1) != '?') {
      uri.append('&');
    }
    uri.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
        .append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  private static int parse(String name, String raw, int fallback, int min, int max) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    String message =
        max == Integer.MAX_VALUE
            ? "Must be a whole number of at least " + min + "."
            : "Must be a whole number from " + min + " to " + max + ".";
    throw ApiException.invalidField(name, name + ": " + message);
  }
}
