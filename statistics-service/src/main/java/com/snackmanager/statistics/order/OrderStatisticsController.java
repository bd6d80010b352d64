package com.snackmanager.statistics.order;

import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.Paginated;
import com.snackmanager.defaults.openapi.ProblemResponse;
import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.statistics.csv.CsvEncoder;
import com.snackmanager.statistics.csv.CsvList;
import com.snackmanager.statistics.csv.Encoded;
import com.snackmanager.statistics.period.DateRange;
import com.snackmanager.statistics.period.Period;
import com.snackmanager.statistics.period.PeriodParameters;
import com.snackmanager.statistics.period.PeriodSelector;
import com.snackmanager.statistics.period.Series;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Order figures per period, and the orders of a period. JSON, or CSV with Accept: text/csv. Figures
 * are answered from {@link FiguresCache} when nothing changed them since they were last asked.
 */
@RestController
@Tag(name = ApiTags.STATISTICS)
@RequestMapping(
    path = "/statistics/orders",
    produces = {MediaType.APPLICATION_JSON_VALUE, CsvEncoder.TEXT_CSV_VALUE})
class OrderStatisticsController {

  private final OrderStatistics statistics;
  private final FiguresCache cache;

  OrderStatisticsController(OrderStatistics statistics, FiguresCache cache) {
    this.statistics = statistics;
    this.cache = cache;
  }

  @Operation(
      summary = "A series of order figures",
      description =
          "One row per day, ISO week, month or year overlapping from..to (business time zone),"
              + " zero-filled; the first and last rows count only the days inside the range.")
  @ProblemResponse(status = 400, detail = "from: This field is required (YYYY-MM-DD).")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = PeriodFigures.class))))
  @GetMapping
  Mono<Encoded> series(
      @Parameter(
              description = "The rows: day, week (ISO), month or year",
              schema = @Schema(allowableValues = {"day", "week", "month", "year"}))
          @RequestParam(required = false)
          String period,
      @Parameter(description = "First day, YYYY-MM-DD", schema = @Schema(format = "date"))
          @RequestParam(required = false)
          String from,
      @Parameter(description = "Last day, YYYY-MM-DD", schema = @Schema(format = "date"))
          @RequestParam(required = false)
          String to) {
    Series series = Series.parse(period, from, to);
    return cache.get(
        series,
        series.range(),
        series.rows(),
        () ->
            statistics
                .series(series)
                .map(figures -> new CsvList<>(figures, PeriodFigures.COLUMNS)));
  }

  @Operation(summary = "Order figures of a year")
  @ProblemResponse(status = 400, detail = "year: Must be a whole number from 1900 to 9999.")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PeriodFigures.class)))
  @GetMapping("/{year}")
  Mono<Encoded> year(@PathVariable String year) {
    return figures(PeriodSelector.year(year));
  }

  @Operation(summary = "Order figures of a month")
  @ProblemResponse(status = 400, detail = "month: Must be a whole number from 1 to 12.")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PeriodFigures.class)))
  @GetMapping("/{year}/{month}")
  Mono<Encoded> month(@PathVariable String year, @PathVariable String month) {
    return figures(PeriodSelector.month(year, month));
  }

  @Operation(summary = "Order figures of a day")
  @ProblemResponse(status = 400, detail = "day: 2024-02 has 29 days.")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PeriodFigures.class)))
  @GetMapping("/{year}/{month}/{day}")
  Mono<Encoded> day(
      @PathVariable String year, @PathVariable String month, @PathVariable String day) {
    return figures(PeriodSelector.day(year, month, day));
  }

  @Operation(summary = "Order figures of an ISO week (Monday to Sunday)")
  @ProblemResponse(status = 400, detail = "week: 2024 has 52 ISO weeks.")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PeriodFigures.class)))
  @GetMapping("/{year}/weeks/{week}")
  Mono<Encoded> isoWeek(@PathVariable String year, @PathVariable String week) {
    return figures(PeriodSelector.isoWeek(year, week));
  }

  @Operation(
      summary = "Order figures of the n-th week of a month",
      description =
          "Week 1 is the ISO week holding the month's first day; the figures are of the whole"
              + " ISO week, Monday to Sunday.")
  @ProblemResponse(status = 400, detail = "week: 2024-03 has 5 weeks (week 1 holds its first day).")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PeriodFigures.class)))
  @GetMapping("/{year}/{month}/weeks/{week}")
  Mono<Encoded> weekOfMonth(
      @PathVariable String year, @PathVariable String month, @PathVariable String week) {
    return figures(PeriodSelector.weekOfMonth(year, month, week));
  }

  /** The figures of one period, as answered before if nothing changed them since. */
  private Mono<Encoded> figures(Period period) {
    return cache.get(period, period.days(), 1, () -> statistics.period(period));
  }

  @Operation(
      summary = "The orders of a period",
      description =
          "Period: from+to (YYYY-MM-DD), or year [month [day]], year+week (ISO week),"
              + " year+month+week (n-th week of the month); none means all time."
              + " Optional status filter; ordering over created_at, uid (default -created_at);"
              + " paginated.")
  @Paginated
  @PeriodParameters
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = OrderListItem.class))))
  @GetMapping("/list")
  Mono<ResponseEntity<CsvList<OrderListItem>>> list(
      ServerHttpRequest request,
      @Parameter(description = "CREATED, APPROVED, ORDERED, SHIPPING, COMPLETED or CANCELLED")
          @RequestParam(required = false)
          String status,
      @Parameter(description = "Sort by created_at, uid; comma-separated, - for descending")
          @RequestParam(required = false)
          String ordering) {
    DateRange range = PeriodSelector.range(request.getQueryParams());
    OrderStatus wanted = status == null || status.isBlank() ? null : status(status);
    var keys =
        Ordering.parse(
            ordering,
            OrderStatistics.LIST_ORDERING.keySet(),
            OrderStatistics.DEFAULT_LIST_ORDERING);
    PageQuery page = PageQuery.from(request);
    return Mono.zip(statistics.list(range, wanted, keys, page), statistics.count(range, wanted))
        .map(
            result ->
                ResponseEntity.ok()
                    .headers(page.headers(request, result.getT2()))
                    .body(new CsvList<>(result.getT1(), OrderListItem.COLUMNS)));
  }

  private static OrderStatus status(String raw) {
    try {
      return OrderStatus.parse(raw);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField(
          "status",
          "status: \""
              + raw
              + "\" is not one of CREATED, APPROVED, ORDERED, SHIPPING, COMPLETED,"
              + " CANCELLED.");
    }
  }
}
