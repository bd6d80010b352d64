package com.snackmanager.defaults.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * The one place failures become HTTP responses: replaces Boot's whitelabel JSON with problem+json
 * for errors from controllers, codecs, filters and routing alike.
 */
public final class ProblemErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  private final Problems problems;

  public ProblemErrorHandler(Problems problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    if (error instanceof AbortedException) {
      // the caller (a client, or the gateway when its own client left) closed the connection
      // before the answer: nobody is left to answer, and nothing went wrong here
      log.debug(
          "{} {}: {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          error.getMessage());
      return Mono.empty();
    }
    ProblemDetail problem;
    // the warning or error this may log names the request: thread-locals such as the log's trace
    // id are not restored on every reactive thread (spring.reactor.context-propagation=limited)
    try (MDC.MDCCloseable requestId = MDC.putCloseable("traceId", RequestIds.of(exchange))) {
      problem = ProblemMapper.toProblem(error);
    }
    return problems.write(exchange, problem);
  }
}
