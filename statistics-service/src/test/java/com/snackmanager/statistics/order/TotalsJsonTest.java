package com.snackmanager.statistics.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.statistics.order.Contribution.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TotalsJsonTest {

  @Test
  void totalsAreWrittenExactlyAndReadBack() {
    Map<String, Money> totals = new TreeMap<>();
    totals.put("KRW", new Money(2, new BigDecimal("11960")));
    totals.put("USD", new Money(-1, new BigDecimal("-3.490")));
    totals.put("JPY", new Money(1, new BigDecimal("1E+3")));
    String json = TotalsJson.write(totals);
    assertThat(json)
        .isEqualTo(
            "{\"JPY\":{\"lines\":1,\"amount\":1000},\"KRW\":{\"lines\":2,\"amount\":11960},"
                + "\"USD\":{\"lines\":-1,\"amount\":-3.490}}");
    assertThat(read(json)).containsExactly("JPY 1 1000", "KRW 2 11960", "USD -1 -3.490");
    assertThat(TotalsJson.write(Map.of())).isEqualTo("{}");
    assertThat(read("{}")).isEmpty();
  }

  @Test
  void postgresqlsJsonbTextIsRead() {
    // jsonb's own text: spaces, shorter keys first, numeric scales kept
    assertThat(
            read(
                "{\"KRW\": {\"lines\": 2, \"amount\": 11960.00},"
                    + " \"USD\": {\"lines\": 3, \"amount\": 31874.18}}"))
        .containsExactly("KRW 2 11960.00", "USD 3 31874.18");
  }

  private static List<String> read(String json) {
    List<String> totals = new ArrayList<>();
    TotalsJson.read(
        json,
        (currency, lines, amount) ->
            totals.add(currency + " " + lines + " " + amount.toPlainString()));
    return totals;
  }
}
