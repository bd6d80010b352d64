package com.snackmanager.statistics.stream;

import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.statistics.csv.CsvEncoder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /statistics/freshness}: the lag of the statistics behind each consumed topic. */
@RestController
@Tag(name = ApiTags.STATISTICS)
class FreshnessController {

  private static final Logger log = LoggerFactory.getLogger(FreshnessController.class);

  private record Lag(Map<String, Long> byTopic, String error) {}

  private final KafkaOffsets offsets;
  private final StreamProgress progress;
  private final Clock clock;
  private final String group;

  FreshnessController(
      KafkaOffsets offsets,
      StreamProgress progress,
      Clock clock,
      @Value("${spring.application.name}") String group) {
    this.group = group;
    this.offsets = offsets;
    this.progress = progress;
    this.clock = clock;
  }

  @Operation(
      summary = "How far behind the event streams the statistics are",
      description =
          "Per topic: records not yet consumed by the statistics-service consumer group (end"
              + " offsets minus committed offsets) and, when behind, the age in ms of the newest"
              + " applied event; with the time since the last event was applied.")
  @GetMapping(
      path = "/statistics/freshness",
      produces = {MediaType.APPLICATION_JSON_VALUE, CsvEncoder.TEXT_CSV_VALUE})
  Mono<Freshness> freshness() {
    Mono<Lag> lag =
        Mono.fromCallable(() -> new Lag(offsets.lag(group, Streams.TOPICS), null))
            .subscribeOn(Schedulers.boundedElastic())
            .onErrorResume(
                KafkaOffsets.KafkaUnavailableException.class,
                e -> {
                  log.warn("Cannot read the consumer lag: {}", e.getMessage());
                  return Mono.just(new Lag(null, "Kafka could not be asked: " + e.getMessage()));
                });
    return Mono.zip(lag, progress.byTopic())
        .map(
            both ->
                Freshness.of(
                    clock.instant(),
                    group,
                    Streams.TOPICS,
                    both.getT1().byTopic(),
                    both.getT1().error(),
                    both.getT2()));
  }
}
