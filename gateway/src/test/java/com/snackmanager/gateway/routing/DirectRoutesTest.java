package com.snackmanager.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.server.PathContainer;

class DirectRoutesTest {

  @Test
  void routesAreMatchedInTheirOrderWithTheirFallbacksService() {
    DirectRoutes routes =
        DirectRoutes.of(
            List.of(
                route("snack-service", 0, "Path=/snacks,/snacks/**"),
                route("reaction-service", -1, "Path=/snacks/*/reaction")));

    assertThat(routes.all())
        .extracting(DirectRoutes.Route::id)
        .containsExactly("reaction-service", "snack-service");
    DirectRoutes.Match reaction = routes.find(PathContainer.parsePath("/snacks/abc/reaction"));
    assertThat(reaction.route().id()).isEqualTo("reaction-service");
    assertThat(reaction.route().service()).isEqualTo("reaction-service");
    assertThat(reaction.pattern()).isEqualTo("/snacks/*/reaction");
    assertThat(routes.find(PathContainer.parsePath("/snacks")).pattern()).isEqualTo("/snacks");
    assertThat(routes.find(PathContainer.parsePath("/snacks/abc")).pattern())
        .isEqualTo("/snacks/**");
    assertThat(routes.find(PathContainer.parsePath("/orders"))).isNull();
  }

  @Test
  void aRouteWithMoreThanAPathAndACircuitBreakerEndsTheDirectRoutes() {
    RouteDefinition withHeader = route("order-service", 1, "Path=/orders/**");
    withHeader.getPredicates().add(new PredicateDefinition("Header=X-Beta, yes"));
    RouteDefinition withFilter = route("statistics-service", 2, "Path=/statistics/**");
    withFilter.getFilters().add(new FilterDefinition("StripPrefix=1"));

    DirectRoutes routes =
        DirectRoutes.of(
            List.of(route("snack-service", 0, "Path=/snacks/**"), withHeader, withFilter));

    // a later route may take paths of the one that cannot be served directly: none are
    assertThat(routes.all()).extracting(DirectRoutes.Route::id).containsExactly("snack-service");
    assertThat(DirectRoutes.of(List.of(withFilter)).all()).isEmpty();
  }

  @Test
  void aRouteWithoutTheCircuitBreakerOrOverHttpsIsNotDirect() {
    RouteDefinition noBreaker = new RouteDefinition();
    noBreaker.setId("snack-service");
    noBreaker.setUri(URI.create("http://127.0.0.1:8082"));
    noBreaker.getPredicates().add(new PredicateDefinition("Path=/snacks/**"));
    noBreaker.getFilters().add(new FilterDefinition("AddRequestHeader=X-A, b"));
    RouteDefinition tls = route("order-service", 0, "Path=/orders/**");
    tls.setUri(URI.create("https://orders.internal"));

    assertThat(DirectRoutes.of(List.of(noBreaker)).all()).isEmpty();
    assertThat(DirectRoutes.of(List.of(tls)).all()).isEmpty();
  }

  private static RouteDefinition route(String id, int order, String path) {
    RouteDefinition route = new RouteDefinition();
    route.setId(id);
    route.setOrder(order);
    route.setUri(URI.create("http://127.0.0.1:8080"));
    route.getPredicates().add(new PredicateDefinition(path));
    FilterDefinition breaker = new FilterDefinition();
    breaker.setName("CircuitBreaker");
    breaker.addArg("name", id);
    breaker.addArg("fallbackUri", "forward:/unavailable/" + id);
    route.getFilters().add(breaker);
    return route;
  }
}
