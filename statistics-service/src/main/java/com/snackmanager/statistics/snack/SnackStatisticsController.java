package com.snackmanager.statistics.snack;

import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.Paginated;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.statistics.csv.CsvEncoder;
import com.snackmanager.statistics.csv.CsvList;
import com.snackmanager.statistics.period.DateRange;
import com.snackmanager.statistics.period.PeriodParameters;
import com.snackmanager.statistics.period.PeriodSelector;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Per-snack order figures of a period. */
@RestController
@Tag(name = ApiTags.STATISTICS)
class SnackStatisticsController {

  private final SnackStatistics statistics;

  SnackStatisticsController(SnackStatistics statistics) {
    this.statistics = statistics;
  }

  @Operation(
      summary = "Per-snack figures of a period",
      description =
          "Snacks ordered in the period (cancelled orders left out), by quantity, descending."
              + " Period: from+to, or year [month [day]], year+week, year+month+week; none means"
              + " all time. Paginated.")
  @Paginated
  @PeriodParameters
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = SnackFigures.class))))
  @GetMapping(
      path = "/statistics/snacks",
      produces = {MediaType.APPLICATION_JSON_VALUE, CsvEncoder.TEXT_CSV_VALUE})
  Mono<ResponseEntity<CsvList<SnackFigures>>> snacks(ServerHttpRequest request) {
    DateRange range = PeriodSelector.range(request.getQueryParams());
    PageQuery page = PageQuery.from(request);
    return Mono.zip(statistics.page(range, page), statistics.count(range))
        .map(
            result ->
                ResponseEntity.ok()
                    .headers(page.headers(request, result.getT2()))
                    .body(new CsvList<>(result.getT1(), SnackFigures.COLUMNS)));
  }
}
