package com.snackmanager.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes of {@code application.yml} that {@link DirectProxy} can serve itself: those whose only
 * predicate is {@code Path} and whose only filter is the {@code CircuitBreaker} (every route of the
 * suite today). A route with anything else (another predicate, a filter the direct path does not
 * know) is left to Spring Cloud Gateway, so a route added to the file is never served with less
 * than it asks for. Looked up in the routes' own order, first match wins, as Spring Cloud Gateway
 * does.
 */
final class DirectRoutes {

  /**
   * One route: where its requests go, the circuit breaker that guards it, and the service its 503
   * names (its fallback's, {@code forward:/unavailable/<service>}).
   */
  record Route(String id, URI uri, String breaker, String service, List<PathPattern> patterns) {

    /** The first of the route's patterns that matches {@code path}, or null. */
    PathPattern match(PathContainer path) {
      for (PathPattern pattern : patterns) {
        if (pattern.matches(path)) {
          return pattern;
        }
      }
      return null;
    }
  }

  /**
   * A request's route, and the pattern that matched: the {@code uri} tag of its metrics (few, fixed
   * values).
   */
  record Match(Route route, String pattern) {}

  private static final String FALLBACK = "forward:" + ServiceUnavailableHandler.PATH + "/";

  private final List<Route> routes;

  private DirectRoutes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The routes among {@code definitions} that the direct path can serve, in routing order. */
  static DirectRoutes of(List<RouteDefinition> definitions) {
    List<RouteDefinition> ordered = new ArrayList<>(definitions);
    ordered.sort(Comparator.comparingInt(RouteDefinition::getOrder));
    List<Route> routes = new ArrayList<>();
    for (RouteDefinition definition : ordered) {
      Route route = direct(definition);
      if (route == null) {
        // a route the direct path cannot serve: no later route may take its requests either
        return new DirectRoutes(routes);
      }
      routes.add(route);
    }
    return new DirectRoutes(routes);
  }

  List<Route> all() {
    return routes;
  }

  /** The first route whose paths match {@code path} (without its trailing slash), or null. */
  Match find(PathContainer path) {
    for (Route route : routes) {
      PathPattern pattern = route.match(path);
      if (pattern != null) {
        return new Match(route, pattern.getPatternString());
      }
    }
    return null;
  }

  private static Route direct(RouteDefinition definition) {
    if (!definition.isEnabled()
        || definition.getPredicates().size() != 1
        || definition.getFilters().size() != 1
        || !"http".equals(definition.getUri().getScheme())) {
      return null;
    }
    PredicateDefinition predicate = definition.getPredicates().get(0);
    FilterDefinition filter = definition.getFilters().get(0);
    String breaker = filter.getArgs().get("name");
    String fallback = filter.getArgs().get("fallbackUri");
    if (!"Path".equals(predicate.getName())
        || !"CircuitBreaker".equals(filter.getName())
        || breaker == null
        || filter.getArgs().size() != 2
        || fallback == null
        || !fallback.startsWith(FALLBACK)) {
      return null;
    }
    List<PathPattern> patterns = new ArrayList<>();
    for (Map.Entry<String, String> arg : predicate.getArgs().entrySet()) {
      if (!arg.getKey().startsWith("_genkey_")) {
        return null; // matchTrailingSlash or another option: Spring Cloud Gateway's to apply
      }
      patterns.add(PathPatternParser.defaultInstance.parse(arg.getValue()));
    }
    return patterns.isEmpty()
        ? null
        : new Route(
            definition.getId(),
            definition.getUri(),
            breaker,
            fallback.substring(FALLBACK.length()),
            patterns);
  }
}
