package com.snackmanager.defaults.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Client text must not carry NUL or other control characters: PostgreSQL refuses NUL in text (a 500
 * had it got that far), and the others have no place in a name, an email or an id. Refused are
 * U+0000 to U+001F and U+007F, except tab, line feed and carriage return, which free text (a
 * description) may hold. In a URL all of them are refused.
 *
 * <p>JSON bodies are checked for every service by {@link
 * com.snackmanager.defaults.json.TextWithoutControlCharacters}, URLs by {@link #urlFilter()}; code
 * that reads text some other way (a multipart form) calls {@link #check}.
 */
public final class ControlCharacters {

  public static final String REFUSED = "Control characters (such as NUL) are not allowed.";
  public static final String REFUSED_IN_URL =
      "The URL contains a control character (such as %00), which is not allowed.";

  /** A percent-encoded C0 control character or DEL. */
  private static final Pattern ENCODED = Pattern.compile("%(?:[01][0-9A-Fa-f]|7[Ff])");

  private ControlCharacters() {}

  /** Whether {@code text} holds a character that client text may not contain. */
  public static boolean anyIn(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return {@code value}, which may be {@code null}
   * @throws ApiException 400 naming {@code field} if the value holds a refused character
   */
  public static String check(String field, String value) {
    if (value != null && anyIn(value)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, field + ": " + REFUSED, Map.of(field, List.of(REFUSED)));
    }
    return value;
  }

  /**
   * Refuses (400) a request whose path or query holds a control character, raw or percent-encoded,
   * before any handler turns it into a database parameter.
   */
  public static WebFilter urlFilter() {
    return (exchange, chain) ->
        refusedInUrl(exchange.getRequest().getURI())
            ? Mono.error(ApiException.badRequest(REFUSED_IN_URL))
            : chain.filter(exchange);
  }

  static boolean refusedInUrl(URI uri) {
    return refusedInUrl(uri.getRawPath(), uri.getRawQuery());
  }

  /**
   * Whether a URL's raw (still percent-encoded) path or query, either of which may be null, holds a
   * control character: what {@link #urlFilter()} refuses.
   */
  public static boolean refusedInUrl(String rawPath, String rawQuery) {
    return refusedInUrlPart(rawPath) || refusedInUrlPart(rawQuery);
  }

  private static boolean refusedInUrlPart(String raw) {
    if (raw == null) {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) < 0x20 || raw.charAt(i) == 0x7F) {
        return true;
      }
    }
    return raw.indexOf('%') >= 0 && ENCODED.matcher(raw).find();
  }
}
