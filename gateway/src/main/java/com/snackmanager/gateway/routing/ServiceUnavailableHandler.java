package com.snackmanager.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import com.snackmanager.defaults.web.Problems;
import com.snackmanager.gateway.config.DownstreamServices;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.URI;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;

/**
 * The circuit breakers' fallback ({@code forward:/unavailable/<service>}): a service that refuses
 * the connection, does not answer in time or whose breaker is open becomes a 503 naming it. Only
 * reachable by that internal forward; the security rules refuse it from outside.
 */
@RestController
public class ServiceUnavailableHandler {

  public static final String PATH = "/unavailable";
  private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableHandler.class);

  private final Problems problems;
  private final Set<String> services;

  public ServiceUnavailableHandler(Problems problems, DownstreamServices downstream) {
    this.problems = problems;
    this.services = downstream.services().keySet();
  }

  @RequestMapping(PATH + "/{service}")
  public Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
    String name = services.contains(service) ? service : "A service";
    ProblemDetail problem =
        problem(name, exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR));
    String requested = requestedPath(exchange);
    if (requested != null) {
      problem.setInstance(URI.create(requested));
    }
    return problems.write(exchange, problem);
  }

  /**
   * The 503 of a request the service {@code name} did not answer: refused, too slow, or its breaker
   * open ({@code cause}, which may be null). Logged here, once per request.
   */
  static ProblemDetail problem(String name, Throwable cause) {
    if (cause instanceof CallNotPermittedException) {
      log.debug("{} circuit is open", name);
    } else {
      log.warn("{} is unavailable: {}", name, cause == null ? "unknown cause" : cause.toString());
    }
    return Problems.of(
        HttpStatus.SERVICE_UNAVAILABLE, name + " is unavailable; try again shortly.");
  }

  /**
   * The path the client asked for, not this handler's: the circuit breaker forwards here with
   * mutated copies of the routed exchange, which keep the original as their delegate.
   */
  private static String requestedPath(ServerWebExchange exchange) {
    ServerWebExchange current = exchange;
    while (current instanceof ServerWebExchangeDecorator decorator) {
      current = decorator.getDelegate();
      String path = current.getRequest().getPath().value();
      if (!path.startsWith(PATH + "/")) {
        return path;
      }
    }
    return null;
  }
}
