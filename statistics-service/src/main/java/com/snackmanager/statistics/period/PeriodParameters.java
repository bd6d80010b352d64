package com.snackmanager.statistics.period;

import com.snackmanager.defaults.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the period query parameters {@link PeriodSelector#range(
 * org.springframework.util.MultiValueMap)} reads, on a handler that reads them: {@code from} and
 * {@code to}, or {@code year} with {@code month}, {@code day} or {@code week}; none means all time.
 * Also documents the 400 of a period named both ways.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ProblemResponse(status = 400, detail = PeriodSelector.BOTH_WAYS)
@Parameters({
  @Parameter(
      in = ParameterIn.QUERY,
      name = "from",
      description = "First day, YYYY-MM-DD (with to; not with year/month/day/week)",
      schema = @Schema(type = "string", format = "date")),
  @Parameter(
      in = ParameterIn.QUERY,
      name = "to",
      description = "Last day, YYYY-MM-DD (with from)",
      schema = @Schema(type = "string", format = "date")),
  @Parameter(
      in = ParameterIn.QUERY,
      name = "year",
      description = "A calendar year, alone or with month, day or week",
      schema = @Schema(type = "integer")),
  @Parameter(
      in = ParameterIn.QUERY,
      name = "month",
      description = "A month of the year, 1-12",
      schema = @Schema(type = "integer", minimum = "1", maximum = "12")),
  @Parameter(
      in = ParameterIn.QUERY,
      name = "day",
      description = "A day of the month (with year and month)",
      schema = @Schema(type = "integer", minimum = "1", maximum = "31")),
  @Parameter(
      in = ParameterIn.QUERY,
      name = "week",
      description = "With year alone: an ISO week; with year and month: the n-th week of the month",
      schema = @Schema(type = "integer", minimum = "1", maximum = "53"))
})
public @interface PeriodParameters {}
