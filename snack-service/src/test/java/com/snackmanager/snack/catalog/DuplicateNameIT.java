package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.snack.SnackServiceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** A snack is identified by its name: trimmed, whitespace-collapsed, case-insensitive. */
class DuplicateNameIT extends SnackServiceTest {

  static final String DUPLICATE = "snack with this name already exists.";

  private long snacksWithKey(String name) {
    return count("SELECT count(*) FROM snack WHERE name_key = $1", SnackName.key(name));
  }

  @Test
  void variantsOfATakenNameAre400AndWriteNothing() {
    String name = "Pringles Sour Cream " + unique();
    register(name);
    long events = count("SELECT count(*) FROM outbox");
    for (String variant :
        List.of(
            name,
            name.toUpperCase(),
            "  " + name.toLowerCase() + "\t",
            name.replace(" ", "   "),
            name.replace("Pringles", "Ｐｒｉｎｇｌｅｓ"))) {
      JsonNode problem =
          json(
              postJson("/snacks/", member(), jsonBody(FIXTURES.get(1), variant)),
              HttpStatus.BAD_REQUEST);
      assertThat(problem.get("detail").stringValue()).as(variant).isEqualTo(DUPLICATE);
      assertThat(problem.at("/errors/name/0").stringValue()).isEqualTo(DUPLICATE);
    }
    assertThat(snacksWithKey(name)).isOne();
    assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(events);
  }

  @Test
  void koreanNamesAreTrimmedToo() {
    String name = FIXTURES.get(3).name() + " " + unique();
    register(name, FIXTURES.get(3));
    expectProblem(
        postJson("/snacks/", member(), jsonBody(FIXTURES.get(3), " " + name + " ")),
        HttpStatus.BAD_REQUEST,
        DUPLICATE);
    // a different name is fine
    register(name + " 2", FIXTURES.get(3));
  }

  @Test
  void twentyConcurrentRegistrationsOfOneNameCreateExactlyOneSnack() {
    String name = FIXTURES.get(1).name() + " " + unique();
    WebClient http = http();
    List<Integer> statuses =
        Flux.range(0, 20)
            .flatMap(
                i ->
                    http.post()
                        .uri("/snacks/")
                        .contentType(MediaType.APPLICATION_JSON)
                        .headers(h -> h.setBearerAuth(member()))
                        .bodyValue(
                            jsonBody(FIXTURES.get(1), i % 2 == 0 ? name : " " + name.toUpperCase()))
                        .exchangeToMono(
                            response ->
                                response.releaseBody().thenReturn(response.statusCode().value())),
                20)
            .collectList()
            .block(Duration.ofMinutes(1));

    Map<Integer, Long> counts =
        statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(counts).containsOnly(Map.entry(201, 1L), Map.entry(400, 19L));
    assertThat(snacksWithKey(name)).isOne();
    assertThat(
            count(
                "SELECT count(*) FROM outbox o JOIN snack s ON s.uid = o.aggregate_id"
                    + " WHERE o.event_type = 'snack.registered' AND s.name_key = $1",
                SnackName.key(name)))
        .isOne();
  }

  @Test
  void twentyConcurrentMultipartRegistrationsWithPicturesCreateOneSnackAndOnePicture() {
    Fixture gamja = FIXTURES.get(3);
    String name = gamja.name() + " " + unique();
    WebClient http = http();
    List<Integer> statuses =
        Flux.range(0, 20)
            .flatMap(
                i ->
                    http.post()
                        .uri("/snacks")
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .headers(h -> h.setBearerAuth(member()))
                        .bodyValue(
                            form(
                                    jsonBody(gamja, name),
                                    gamja.imageBytes(),
                                    gamja.image(),
                                    "image/jpeg")
                                .build())
                        .exchangeToMono(
                            response ->
                                response.releaseBody().thenReturn(response.statusCode().value()))
                        .onErrorResume(e -> Mono.just(-1)),
                20)
            .collectList()
            .block(Duration.ofMinutes(1));
    assertThat(statuses).containsOnly(201, 400).containsOnlyOnce(201);
    assertThat(snacksWithKey(name)).isOne();
    assertThat(
            count(
                "SELECT count(*) FROM snack_image i JOIN snack s ON s.id = i.snack_id"
                    + " WHERE s.name_key = $1",
                SnackName.key(name)))
        .isOne();
  }
}
