package com.snackmanager.statistics.order;

import com.snackmanager.statistics.order.Contribution.Money;
import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;

/**
 * The money of a bucket as {@code order_bucket_figures.totals} holds it: {@code {"KRW": {"lines":
 * 2, "amount": 11960}}}, per currency the number of order lines and their exact amount (PostgreSQL
 * adds two such maps with {@code order_totals_add}).
 */
final class TotalsJson {

  private static final JsonFactory JSON = new JsonFactory();

  /** Receives one currency of a totals map. */
  @FunctionalInterface
  interface Sink {
    void total(String currency, long lines, BigDecimal amount);
  }

  private TotalsJson() {}

  /** {@code totals} as JSON, the amounts exact and never in exponent form. */
  static String write(Map<String, Money> totals) {
    StringBuilder json = new StringBuilder("{");
    totals.forEach(
        (currency, money) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append('"');
          JsonStringEncoder.getInstance().quoteAsString(currency, json);
          json.append("\":{\"lines\":")
              .append(money.lines())
              .append(",\"amount\":")
              .append(money.amount().toPlainString())
              .append('}');
        });
    return json.append('}').toString();
  }

  /** Hands every currency of the JSON map {@code totals} to {@code sink}. */
  static void read(String totals, Sink sink) {
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), totals)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT, totals);
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String currency = parser.currentName();
        expect(parser.nextToken(), JsonToken.START_OBJECT, totals);
        long lines = 0;
        BigDecimal amount = BigDecimal.ZERO;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          switch (field) {
            case "lines" -> lines = parser.getLongValue();
            case "amount" -> amount = parser.getDecimalValue();
            default -> parser.skipChildren();
          }
        }
        sink.total(currency, lines, amount);
      }
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, String totals) {
    if (actual != expected) {
      throw new IllegalStateException("Not a totals map: " + totals);
    }
  }
}
