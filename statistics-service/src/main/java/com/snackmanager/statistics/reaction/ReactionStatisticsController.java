package com.snackmanager.statistics.reaction;

import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.Paginated;
import com.snackmanager.defaults.openapi.ProblemResponse;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.statistics.csv.CsvEncoder;
import com.snackmanager.statistics.csv.CsvList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Reaction counts and like ratios of every known snack. */
@RestController
@Tag(name = ApiTags.STATISTICS)
class ReactionStatisticsController {

  private final ReactionStatistics statistics;

  ReactionStatisticsController(ReactionStatistics statistics) {
    this.statistics = statistics;
  }

  @Operation(
      summary = "Reactions per snack",
      description =
          "Every snack the statistics know (from the catalog, orders or reactions)."
              + " ordering over like_ratio, like_reaction_count, hate_reaction_count, name,"
              + " snack_uid (default -like_ratio,-like_reaction_count,name); search = name"
              + " contains (case-insensitive); paginated.")
  @Paginated
  @ProblemResponse(
      status = 400,
      detail =
          "Unknown ordering field \"price\"; allowed: hate_reaction_count, like_ratio,"
              + " like_reaction_count, name, snack_uid.",
      field = "ordering")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = ReactionFigures.class))))
  @GetMapping(
      path = "/statistics/reactions",
      produces = {MediaType.APPLICATION_JSON_VALUE, CsvEncoder.TEXT_CSV_VALUE})
  Mono<ResponseEntity<CsvList<ReactionFigures>>> reactions(
      ServerHttpRequest request,
      @Parameter(
              description =
                  "Sort by like_ratio, like_reaction_count, hate_reaction_count, name, snack_uid;"
                      + " comma-separated, - for descending")
          @RequestParam(required = false)
          String ordering,
      @Parameter(description = "Name contains (case-insensitive)") @RequestParam(required = false)
          String search) {
    var keys =
        Ordering.parse(
            ordering, ReactionStatistics.ORDERING.keySet(), ReactionStatistics.DEFAULT_ORDERING);
    String contains = search == null || search.isBlank() ? null : search.trim();
    PageQuery page = PageQuery.from(request);
    return Mono.zip(statistics.page(contains, keys, page), statistics.count(contains))
        .map(
            result ->
                ResponseEntity.ok()
                    .headers(page.headers(request, result.getT2()))
                    .body(new CsvList<>(result.getT1(), ReactionFigures.COLUMNS)));
  }
}
