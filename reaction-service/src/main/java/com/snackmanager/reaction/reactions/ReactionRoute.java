package com.snackmanager.reaction.reactions;

import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.defaults.web.ProblemMapper;
import com.snackmanager.defaults.web.Problems;
import com.snackmanager.defaults.web.direct.DirectRoute;
import com.snackmanager.defaults.web.direct.ObservedRequest;
import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.snack.SnackReadThrough;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /snacks/{uid}/reaction} below WebFlux ({@link DirectRoute}): the suite's hottest request,
 * answered by the same {@link ReactionService} calls as {@link ReactionController}, with the same
 * JSON (the application's {@link JsonMapper}), problem documents ({@link ProblemMapper}), request
 * id and {@code http.server.requests} observation, whose trace the change's event carries.
 *
 * <p>Taken: {@code POST}, {@code DELETE} and {@code GET} with a bearer token that verifies, an
 * {@code Accept} that JSON meets, and for {@code POST} a JSON body (UTF-8) of at most {@link
 * #MAX_BODY} bytes with its {@code Content-Length}. Everything else — no or a refused token (401),
 * another media type (406, 415), an empty or chunked body, an encoded URL — goes to the controller
 * untouched. Off with {@code snack.reactions.direct-route.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "snack.reactions.direct-route.enabled", matchIfMissing = true)
class ReactionRoute extends DirectRoute {

  /** Far above {@code {"type":"LIKE"}}; larger bodies go to the controller (and its limits). */
  static final int MAX_BODY = 4096;

  private static final String PREFIX = "/snacks/";
  private static final String SUFFIX = "/reaction";
  private static final String URI_TAG = "/snacks/{uid}/reaction";

  private final ReactionService reactions;
  private final ReactiveJwtDecoder decoder;
  private final JsonMapper json;
  private final Problems problems;
  private final ObservationRegistry observations;

  ReactionRoute(
      ReactionService reactions,
      ReactiveJwtDecoder decoder,
      JsonMapper json,
      Problems problems,
      ObservationRegistry observations,
      ApplicationContext context) {
    super(context);
    this.reactions = reactions;
    this.decoder = decoder;
    this.json = json;
    this.problems = problems;
    this.observations = observations;
  }

  @Override
  protected Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
    HttpMethod method = request.method();
    boolean post = HttpMethod.POST.equals(method);
    if (!post && !HttpMethod.DELETE.equals(method) && !HttpMethod.GET.equals(method)) {
      return null;
    }
    Target target = target(request);
    String uid = target == null ? null : snackUid(target.path());
    String token = bearerToken(request);
    HttpHeaders headers = request.requestHeaders();
    if (uid == null
        || token == null
        || !acceptsJson(headers.get(HttpHeaderNames.ACCEPT))
        || (post ? !smallJsonBody(headers) : hasBody(request))) {
      return null;
    }
    Mono<Jwt> verified;
    try {
      verified = decoder.decode(token);
    } catch (RuntimeException refused) {
      return fullPath(request, response);
    }
    return verified
        .map(Optional::of)
        // refused, or the keys could not be fetched: the controller's filter answers
        .onErrorResume(refused -> Mono.just(Optional.empty()))
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            jwt ->
                jwt.isPresent()
                    ? answer(request, response, target.path(), uid, jwt.get(), post)
                    : fullPath(request, response));
  }

  private Mono<Void> answer(
      HttpServerRequest request,
      HttpServerResponse response,
      String path,
      String uid,
      Jwt jwt,
      boolean post) {
    ObservedRequest observed = ObservedRequest.start(observations, request, URI_TAG, path);
    String requestId = observed.requestId();
    Mono<?> answer =
        Mono.defer(
                () -> {
                  long member = AuthenticatedMember.from(jwt).id();
                  if (post) {
                    return request
                        .receive()
                        .aggregate()
                        .asByteArray()
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> reactions.react(uid, member, reaction(body)));
                  }
                  return HttpMethod.DELETE.equals(request.method())
                      ? reactions.withdraw(uid, member)
                      : reactions.mine(uid, member);
                })
            .contextWrite(SnackReadThrough.asCaller(jwt.getTokenValue()))
            .contextWrite(
                context -> context.put(ObservationThreadLocalAccessor.KEY, observed.observation()));
    // the answer or its problem is decided first, then sent: a failure to send (the client left) is
    // not an error of the request's to answer
    return answer
        .map(
            body -> {
              observed.status(HttpResponseStatus.OK.code());
              return send(
                  response,
                  HttpResponseStatus.OK,
                  "application/json",
                  json.writeValueAsBytes(body),
                  requestId,
                  headers());
            })
        .onErrorResume(
            error -> {
              ProblemDetail problem = ProblemMapper.toProblem(error);
              observed.status(problem.getStatus());
              observed.failure(error);
              return Mono.just(
                  sendProblem(response, problems, problem, path, requestId, headers()));
            })
        .flatMap(Function.identity())
        .doFinally(signal -> observed.stop());
  }

  /** The requested reaction, or the controller's 400 for the same body. */
  private Reaction reaction(byte[] body) {
    ReactionRequest request;
    try {
      request = json.readValue(body, ReactionRequest.class);
    } catch (JacksonException unreadable) {
      // what WebFlux's argument resolver raises for a body its decoder cannot read
      throw new ServerWebInputException("Failed to read HTTP message", null, unreadable);
    }
    if (request == null) {
      throw new ServerWebInputException("No request body");
    }
    return request.reaction();
  }

  /** {@code uid} of {@code /snacks/{uid}/reaction}, or null for any other path. */
  static String snackUid(String path) {
    if (!path.startsWith(PREFIX)
        || !path.endsWith(SUFFIX)
        || path.length() <= PREFIX.length() + SUFFIX.length()) {
      return null;
    }
    String uid = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
    return uid.indexOf('/') >= 0 ? null : uid;
  }

  /** No {@code Accept}, or one that names JSON or a wildcard that covers it. */
  static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String types = accept.toLowerCase(Locale.ROOT);
    return (types.contains("application/json")
            || types.contains("*/*")
            || types.contains("application/*"))
        && !types.contains("q=0");
  }

  /** A {@code Content-Length} of 1 to {@link #MAX_BODY} bytes of {@code application/json}. */
  static boolean smallJsonBody(HttpHeaders headers) {
    String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
    String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
    if (type == null || length == null || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
      return false;
    }
    String media = type.toLowerCase(Locale.ROOT).replace(" ", "");
    if (!media.equals("application/json") && !media.equals("application/json;charset=utf-8")) {
      return false;
    }
    try {
      int bytes = Integer.parseInt(length.trim());
      return bytes > 0 && bytes <= MAX_BODY;
    } catch (NumberFormatException malformed) {
      return false;
    }
  }
}
