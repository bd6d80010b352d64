package com.snackmanager.statistics.order;

import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.statistics.csv.CsvEncoder;
import com.snackmanager.statistics.csv.CsvList;
import com.snackmanager.statistics.period.DateRange;
import com.snackmanager.statistics.period.PeriodSelector;
import com.snackmanager.statistics.period.Series;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Order figures per period, and the orders of a period. JSON, or CSV with Accept: text/csv. */
@RestController
@RequestMapping(
    path = "/statistics/orders",
    produces = {MediaType.APPLICATION_JSON_VALUE, CsvEncoder.TEXT_CSV_VALUE})
class OrderStatisticsController {

  private final OrderStatistics statistics;

  OrderStatisticsController(OrderStatistics statistics) {
    this.statistics = statistics;
  }

  @Operation(
      summary = "A series of order figures",
      description =
          "One row per day, ISO week, month or year overlapping from..to (business time zone),"
              + " zero-filled; the first and last rows count only the days inside the range.")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = PeriodFigures.class))))
  @GetMapping
  Mono<CsvList<PeriodFigures>> series(
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Series series = Series.parse(period, from, to);
    return statistics.series(series).map(figures -> new CsvList<>(figures, PeriodFigures.COLUMNS));
  }

  @Operation(summary = "Order figures of a year")
  @GetMapping("/{year}")
  Mono<PeriodFigures> year(@PathVariable String year) {
    return statistics.period(PeriodSelector.year(year));
  }

  @Operation(summary = "Order figures of a month")
  @GetMapping("/{year}/{month}")
  Mono<PeriodFigures> month(@PathVariable String year, @PathVariable String month) {
    return statistics.period(PeriodSelector.month(year, month));
  }

  @Operation(summary = "Order figures of a day")
  @GetMapping("/{year}/{month}/{day}")
  Mono<PeriodFigures> day(
      @PathVariable String year, @PathVariable String month, @PathVariable String day) {
    return statistics.period(PeriodSelector.day(year, month, day));
  }

  @Operation(summary = "Order figures of an ISO week (Monday to Sunday)")
  @GetMapping("/{year}/weeks/{week}")
  Mono<PeriodFigures> isoWeek(@PathVariable String year, @PathVariable String week) {
    return statistics.period(PeriodSelector.isoWeek(year, week));
  }

  @Operation(
      summary = "Order figures of the n-th week of a month",
      description =
          "Week 1 is the ISO week holding the month's first day; the figures are of the whole"
              + " ISO week, Monday to Sunday.")
  @GetMapping("/{year}/{month}/weeks/{week}")
  Mono<PeriodFigures> weekOfMonth(
      @PathVariable String year, @PathVariable String month, @PathVariable String week) {
    return statistics.period(PeriodSelector.weekOfMonth(year, month, week));
  }

  @Operation(
      summary = "The orders of a period",
      description =
          "Period: from+to (YYYY-MM-DD), or year [month [day]], year+week (ISO week),"
              + " year+month+week (n-th week of the month); none means all time."
              + " Optional status filter; ordering over created_at, uid (default -created_at);"
              + " paginated.")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = OrderListItem.class))))
  @GetMapping("/list")
  Mono<ResponseEntity<CsvList<OrderListItem>>> list(
      ServerHttpRequest request,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String ordering) {
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
