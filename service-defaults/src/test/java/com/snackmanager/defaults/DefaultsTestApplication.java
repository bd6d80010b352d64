package com.snackmanager.defaults;

import com.snackmanager.defaults.security.ServiceAccess;
import com.snackmanager.defaults.security.SnackSecurityProperties;
import com.snackmanager.defaults.security.TokenVersions;
import com.snackmanager.defaults.security.VerifiedTokens;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.testsupport.FreePorts;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A tiny service built only from the defaults, to test them as a real service would use them. */
@SpringBootApplication
class DefaultsTestApplication {

  static final int THING_COUNT = 250;

  /** Its chain comes from the defaults, built from these rules as a service's would be. */
  @Bean
  ServiceAccess access() {
    return ServiceAccess.builder()
        .open(HttpMethod.GET, "/pictures/*")
        .openCheckingToken(HttpMethod.HEAD, "/pictures/*")
        .authenticated("/admin-only/mine")
        .admin("/admin-only", "/admin-only/**")
        .admin(HttpMethod.DELETE, "/things/*")
        .otherwiseAuthenticated();
  }

  /** Same validation as production, with the test's key instead of a JWKS endpoint. */
  @Bean
  ReactiveJwtDecoder jwtDecoder(SnackSecurityProperties properties, TokenVersions versions) {
    return VerifiedTokens.of(
        NimbusReactiveJwtDecoder.withPublicKey(TestTokens.publicKey()).build(),
        properties,
        versions);
  }

  record NewThing(@NotBlank String displayName, @Min(1) int quantity) {}

  @RestController
  static class ThingController {

    @GetMapping("/things")
    ResponseEntity<List<Integer>> list(
        ServerHttpRequest request, @RequestParam(required = false) String ordering) {
      PageQuery page = PageQuery.from(request);
      List<Ordering.Key> keys =
          Ordering.parse(ordering, Set.of("id"), List.of(new Ordering.Key("id", false)));
      List<Integer> all =
          new java.util.ArrayList<>(IntStream.rangeClosed(1, THING_COUNT).boxed().toList());
      if (keys.get(0).descending()) {
        java.util.Collections.reverse(all);
      }
      List<Integer> slice = all.stream().skip(page.offset()).limit(page.pageSize()).toList();
      return ResponseEntity.ok().headers(page.headers(request, THING_COUNT)).body(slice);
    }

    @PostMapping("/things")
    Mono<NewThing> create(@Valid @RequestBody NewThing thing) {
      return Mono.just(thing);
    }

    @GetMapping("/admin-only")
    Mono<String> admin() {
      return Mono.just("\"ok\"");
    }

    @GetMapping("/admin-only/mine")
    Mono<String> mine() {
      return Mono.just("\"ok\"");
    }

    @DeleteMapping("/things/{id}")
    ResponseEntity<Void> delete(@PathVariable int id) {
      return ResponseEntity.noContent().build();
    }

    @GetMapping("/pictures/{id}")
    Mono<String> picture(@PathVariable int id) {
      return Mono.just("\"picture " + id + "\"");
    }

    @GetMapping("/boom")
    Mono<String> boom() {
      return Mono.error(new IllegalStateException("secret internal detail"));
    }
  }

  /**
   * Endpoints whose PostgreSQL and Redis are down: real clients, as the services build them, bound
   * to loopback ports nobody listens on.
   */
  @RestController
  static class OutageController implements DisposableBean {

    private final ConnectionFactory deadDatabase =
        ConnectionFactories.get(
            "r2dbc:postgresql://nobody:nothing@127.0.0.1:" + FreePorts.find() + "/postgres");
    private final LettuceConnectionFactory deadRedis =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration("127.0.0.1", FreePorts.find()),
            LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
    private final ReactiveStringRedisTemplate redis;

    OutageController() {
      deadRedis.afterPropertiesSet();
      deadRedis.start();
      redis = new ReactiveStringRedisTemplate(deadRedis);
    }

    @GetMapping("/outage/database")
    Mono<Integer> database() {
      return DatabaseClient.create(deadDatabase)
          .sql("SELECT 1")
          .map(row -> row.get(0, Integer.class))
          .one();
    }

    @GetMapping("/outage/database-transaction")
    Mono<Integer> databaseTransaction() {
      return TransactionalOperator.create(new R2dbcTransactionManager(deadDatabase))
          .transactional(database());
    }

    @GetMapping("/outage/redis")
    Mono<String> redis() {
      return redis.opsForValue().get("anything");
    }

    @Override
    public void destroy() {
      deadRedis.destroy();
    }
  }
}
