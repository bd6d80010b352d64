package com.snackmanager.gateway.routing;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The {@code http.server.requests} observation of a request {@link DirectProxy} serves: the same
 * timer (with the same tag names: {@code method}, {@code uri}, {@code status}, {@code outcome},
 * {@code exception}) and server span as WebFlux records for the requests it serves, the span
 * continuing a {@code traceparent} the client sent. The {@code uri} tag is the route's first path
 * pattern ({@code /snacks/*}{@code /reaction}); through Spring Cloud Gateway it was {@code
 * UNKNOWN}.
 */
final class DirectRequestObservation {

  static final String NAME = "http.server.requests";

  private DirectRequestObservation() {}

  /** What the observation knows of the request and its answer. */
  static final class Context
      extends RequestReplyReceiverContext<HttpServerRequest, HttpServerResponse> {

    private final String method;
    private final String uriTag;
    private final String path;
    private int status;
    private Throwable failure;

    Context(HttpServerRequest request, String uriTag, String path) {
      super((carrier, key) -> carrier.requestHeaders().get(key));
      setCarrier(request);
      this.method = request.method().name();
      this.uriTag = uriTag;
      this.path = path;
    }

    /** The status sent to the client. */
    void status(int status) {
      this.status = status;
    }

    /** Why the request could not be proxied (the client got a 503). */
    void failure(Throwable failure) {
      this.failure = failure;
      setError(failure);
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
      return "http " + context.method.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(Context context) {
      return KeyValues.of(
          "exception",
          context.failure == null ? "none" : context.failure.getClass().getSimpleName(),
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
