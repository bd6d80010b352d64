package com.snackmanager.defaults.web.direct;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.Locale;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The {@code http.server.requests} observation of a request a {@link DirectRoute} serves: the same
 * timer (with the same tag names: {@code method}, {@code uri}, {@code status}, {@code outcome},
 * {@code exception}) and server span as WebFlux records for the requests it serves, the span
 * continuing a {@code traceparent} the caller sent.
 */
public final class ObservedRequest {

  static final String NAME = "http.server.requests";
  private static final Convention CONVENTION = new Convention();

  private final Context context;
  private final Observation observation;

  private ObservedRequest(Context context, Observation observation) {
    this.context = context;
    this.observation = observation;
  }

  /**
   * Starts observing {@code request}.
   *
   * @param uriTag the route's path pattern (a few fixed values, as WebFlux's handler patterns)
   * @param path the request's path
   */
  public static ObservedRequest start(
      ObservationRegistry registry, HttpServerRequest request, String uriTag, String path) {
    Context context = new Context(request, uriTag, path);
    Observation observation =
        Observation.createNotStarted(CONVENTION, () -> context, registry).start();
    return new ObservedRequest(context, observation);
  }

  /** For the Reactor context of what the request does (its events carry this trace). */
  public Observation observation() {
    return observation;
  }

  /** The server span, sampled or not, or null without tracing. */
  public Span span() {
    TracingContext tracing = context.get(TracingContext.class);
    return tracing == null ? null : tracing.getSpan();
  }

  /**
   * The id of the request's answer ({@code X-Request-Id}): the trace id, as on the full path, or
   * the server's own request id without tracing.
   */
  public String requestId() {
    Span span = span();
    String traceId = span == null ? null : span.context().traceId();
    return traceId == null || traceId.isBlank() ? context.getCarrier().requestId() : traceId;
  }

  /** The status sent to the client. */
  public void status(int status) {
    context.status = status;
  }

  /** Why the request failed (its answer was an error of the route's own). */
  public void failure(Throwable failure) {
    context.setError(failure);
  }

  public void stop() {
    observation.stop();
  }

  /** What the observation knows of the request and its answer. */
  static final class Context
      extends RequestReplyReceiverContext<HttpServerRequest, HttpServerResponse> {

    private final String method;
    private final String uriTag;
    private final String path;
    private int status;

    Context(HttpServerRequest request, String uriTag, String path) {
      super((carrier, key) -> carrier.requestHeaders().get(key));
      setCarrier(request);
      this.method = request.method().name();
      this.uriTag = uriTag;
      this.path = path;
    }
  }

  /** Tags as Spring's {@code DefaultServerRequestObservationConvention} names them. */
  static final class Convention implements ObservationConvention<Context> {

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public String getContextualName(Context context) {
      return "http " + context.method.toLowerCase(Locale.ROOT);
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(Context context) {
      return KeyValues.of(
          "exception",
          context.getError() == null ? "none" : context.getError().getClass().getSimpleName(),
          "method",
          context.method,
          "outcome",
          outcome(context.status),
          "status",
          context.status == 0 ? "UNKNOWN" : Integer.toString(context.status),
          "uri",
          context.uriTag);
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(Context context) {
      return KeyValues.of("http.url", context.path);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof Context;
    }

    private static String outcome(int status) {
      if (status >= 100 && status < 200) {
        return "INFORMATIONAL";
      }
      if (status >= 200 && status < 300) {
        return "SUCCESS";
      }
      if (status >= 300 && status < 400) {
        return "REDIRECTION";
      }
      if (status >= 400 && status < 500) {
        return "CLIENT_ERROR";
      }
      return status >= 500 && status < 600 ? "SERVER_ERROR" : "UNKNOWN";
    }
  }
}
