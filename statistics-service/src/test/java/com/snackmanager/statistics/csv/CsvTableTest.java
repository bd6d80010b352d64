package com.snackmanager.statistics.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  record Row(String name, BigDecimal amount, Map<String, BigDecimal> totals) implements CsvRow {
    @Override
    public Map<String, Object> csvCells() {
      Map<String, Object> cells = new LinkedHashMap<>();
      cells.put("name", name);
      cells.put("amount", amount);
      CsvRow.putTotals(cells, totals);
      return cells;
    }
  }

  @Test
  void rfc4180QuotingAndFormulaGuard() {
    assertThat(CsvTable.field("plain")).isEqualTo("plain");
    assertThat(CsvTable.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvTable.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvTable.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvTable.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvTable.field("-1 snack")).isEqualTo("'-1 snack");
    assertThat(CsvTable.field(new BigDecimal("-1E+3"))).isEqualTo("-1000");
    assertThat(CsvTable.field(-5L)).isEqualTo("-5");
    assertThat(CsvTable.field(LocalDate.of(2024, 3, 31))).isEqualTo("2024-03-31");
    assertThat(CsvTable.field(null)).isEmpty();
  }

  @Test
  void knownCurrenciesAlwaysHaveAColumnAndOthersAreAppended() {
    CsvTable table =
        CsvTable.of(
            List.of("name", "amount"),
            List.of(
                new Row("불닭", new BigDecimal("1.5"), Map.of("KRW", new BigDecimal("11960"))),
                new Row("gum", BigDecimal.ONE, Map.of("EUR", new BigDecimal("2.5")))));
    assertThat(table.render())
        .isEqualTo(
            "name,amount,totals.JPY,totals.KRW,totals.USD,totals.EUR\r\n"
                + "불닭,1.5,0,11960,0,\r\n"
                + "gum,1,0,0,0,2.5\r\n");
  }

  @Test
  void anEmptyTableStillHasItsHeader() {
    assertThat(CsvTable.of(List.of("a", "b"), List.of()).render()).isEqualTo("a,b\r\n");
  }
}
