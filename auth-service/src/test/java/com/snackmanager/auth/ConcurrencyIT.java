package com.snackmanager.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Requests that really race each other, sent all at once over separate connections. */
class ConcurrencyIT extends AuthServiceTest {

  @LocalServerPort int port;

  private WebClient http() {
    return WebClient.create("http://127.0.0.1:" + port);
  }

  private static Mono<Integer> status(WebClient.RequestHeadersSpec<?> request) {
    return request.exchangeToMono(
        response -> response.releaseBody().thenReturn(response.statusCode().value()));
  }

  @Test
  void twentyConcurrentSignUpsWithOneEmailCreateExactlyOneMember() {
    String email = uniqueEmail("race");
    WebClient http = http();
    List<Integer> statuses =
        Flux.range(0, 20)
            .flatMap(
                i ->
                    status(
                        http.post()
                            .uri("/auth/sign-up/")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(
                                Map.of(
                                    "email",
                                    i % 2 == 0 ? email : email.toUpperCase(),
                                    "password",
                                    PASSWORD,
                                    "name",
                                    "Racer " + i))),
                20)
            .collectList()
            .block(Duration.ofMinutes(1));

    Map<Integer, Long> counts =
        statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(counts).containsOnly(Map.entry(201, 1L), Map.entry(400, 19L));
    long rows =
        db.sql("SELECT count(*) AS n FROM member WHERE lower(email) = lower(:email)")
            .bind("email", email)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    assertThat(rows).isOne();
  }

  @Test
  void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() {
    for (int round = 0; round < 5; round++) {
      Account first = newAdmin("duel-a");
      Account second = newAdmin("duel-b");
      withOnlyAdmins(
          List.of(first.id(), second.id()),
          () -> {
            WebClient http = http();
            List<Integer> statuses =
                Flux.just(new Account[] {first, second}, new Account[] {second, first})
                    .flatMap(
                        pair ->
                            status(
                                http.patch()
                                    .uri("/auth/users/" + pair[1].id() + "/")
                                    .headers(h -> h.setBearerAuth(pair[0].access()))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(Map.of("member_type", "MEMBER"))),
                        2)
                    .collectList()
                    .block(Duration.ofMinutes(1));
            // one demotion lands; the other is refused: as the last admin's (400), or, when the
            // landed demotion revoked its caller's token first, as a revoked token (401)
            assertThat(statuses).containsOnlyOnce(200).hasSize(2);
            assertThat(statuses).anySatisfy(status -> assertThat(status).isIn(400, 401));
            long admins =
                db.sql(
                        "SELECT count(*) AS n FROM member WHERE member_type = 'ADMIN'"
                            + " AND NOT is_deleted")
                    .map(row -> row.get("n", Long.class))
                    .one()
                    .block();
            assertThat(admins).isOne();
          });
    }
  }

  @Test
  void twoLastAdminsResigningAtOnceLeaveOneAdmin() {
    Account first = newAdmin("exit-a");
    Account second = newAdmin("exit-b");
    withOnlyAdmins(
        List.of(first.id(), second.id()),
        () -> {
          WebClient http = http();
          List<Integer> statuses =
              Flux.just(first, second)
                  .flatMap(
                      admin ->
                          status(
                              http.delete()
                                  .uri("/auth/users/resign/")
                                  .headers(h -> h.setBearerAuth(admin.access()))),
                      2)
                  .collectList()
                  .block(Duration.ofMinutes(1));
          assertThat(statuses).containsExactlyInAnyOrder(200, 400);
          assertThat(List.of(memberType(first.id()), memberType(second.id())))
              .containsOnly("ADMIN");
          long activeAdmins =
              db.sql(
                      "SELECT count(*) AS n FROM member WHERE member_type = 'ADMIN'"
                          + " AND NOT is_deleted")
                  .map(row -> row.get("n", Long.class))
                  .one()
                  .block();
          assertThat(activeAdmins).isOne();
        });
  }
}
