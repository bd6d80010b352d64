package com.snackmanager.statistics.stream;

import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /statistics/rebuild} (admin): recompute every figure from the event streams. */
@RestController
@Tag(name = ApiTags.STATISTICS)
class RebuildController {

  private final Rebuild rebuild;

  RebuildController(Rebuild rebuild) {
    this.rebuild = rebuild;
  }

  @Operation(
      summary = "Rebuild the statistics from the event streams (admin)",
      description =
          "Empties the projections and replays every topic from the beginning. 202 once the replay"
              + " has started; GET /statistics/freshness shows its progress. Run with one replica.")
  @ProblemResponse(status = 403)
  @PostMapping(path = "/statistics/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Mono<Rebuild.Started> rebuild() {
    return Mono.fromCallable(rebuild::run).subscribeOn(Schedulers.boundedElastic());
  }
}
