package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.domain.RuleViolation;
import com.snackmanager.events.orders.OrderLine;
import com.snackmanager.order.catalog.CatalogSnack;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurchaseRulesTest {

  private static OrderRequest.Item item(String uid, long quantity) {
    return new OrderRequest.Item(uid, BigInteger.valueOf(quantity));
  }

  private static Map<String, List<String>> errors(OrderRequest request) {
    try {
      PurchaseRules.check(request);
    } catch (RuleViolation e) {
      return e.errors();
    }
    throw new AssertionError("expected a 400");
  }

  @Test
  void validPurchasesKeepTheirOrder() {
    List<Purchase> purchases =
        PurchaseRules.check(new OrderRequest(List.of(item(" sn_b ", 2), item("sn_a", 1000))));
    assertThat(purchases)
        .containsExactly(new Purchase("sn_b", 2), new Purchase("sn_a", PurchaseRules.MAX_QUANTITY));
  }

  @Test
  void missingEmptyAndOversizedListsAreRefused() {
    assertThat(errors(null)).containsEntry("snacks", List.of("This field is required."));
    assertThat(errors(new OrderRequest(null)))
        .containsEntry("snacks", List.of("This field is required."));
    assertThat(errors(new OrderRequest(List.of())))
        .containsEntry("snacks", List.of("An order needs at least one snack."));
    List<OrderRequest.Item> tooMany = new ArrayList<>();
    for (int i = 0; i <= PurchaseRules.MAX_SNACKS; i++) {
      tooMany.add(item("sn_" + i, 1));
    }
    assertThat(errors(new OrderRequest(tooMany)))
        .containsEntry("snacks", List.of("An order can hold at most 100 different snacks."));
  }

  @Test
  void everyBadItemIsNamed() {
    List<OrderRequest.Item> items =
        Arrays.asList(
            item("sn_a", 0),
            new OrderRequest.Item(null, null),
            item("sn_a", 1),
            null,
            new OrderRequest.Item("sn_b", new BigInteger("99999999999999999999")),
            item("sn_c", -3));
    Map<String, List<String>> errors = errors(new OrderRequest(items));
    assertThat(errors)
        .containsEntry("snacks[0].quantity", List.of(PurchaseRules.QUANTITY))
        .containsEntry("snacks[1].uid", List.of("This field is required."))
        .containsEntry("snacks[1].quantity", List.of("This field is required."))
        .containsEntry("snacks[2].uid", List.of(PurchaseRules.DUPLICATE))
        .containsEntry("snacks[3]", List.of("This field is required."))
        .containsEntry("snacks[4].quantity", List.of(PurchaseRules.QUANTITY))
        .containsEntry("snacks[5].quantity", List.of(PurchaseRules.QUANTITY));
    assertThat(errors).doesNotContainKey("snacks[2].quantity");
  }

  @Test
  void theSameSnackTwiceIsADuplicateEvenWithSpaces() {
    assertThat(errors(new OrderRequest(List.of(item("sn_a", 1), item(" sn_a", 2)))))
        .containsOnlyKeys("snacks[1].uid");
  }

  @Test
  void pricesComeFromTheCatalogAndUnknownOrRetiredSnacksAreRefused() {
    Map<String, CatalogSnack> catalog =
        Map.of(
            "sn_a",
            new CatalogSnack("sn_a", "A", null, new BigDecimal("3.49"), "USD", false),
            "sn_r",
            new CatalogSnack("sn_r", "R", null, BigDecimal.ONE, "KRW", true));
    assertThat(PurchaseRules.price(List.of(new Purchase("sn_a", 3)), catalog))
        .containsExactly(new OrderLine("sn_a", "A", 3, new BigDecimal("3.49"), "USD"));
    assertThatThrownBy(
            () ->
                PurchaseRules.price(
                    List.of(
                        new Purchase("sn_a", 1), new Purchase("sn_x", 1), new Purchase("sn_r", 1)),
                    catalog))
        .isInstanceOfSatisfying(
            RuleViolation.class,
            e ->
                assertThat(e.errors())
                    .containsOnly(
                        Map.entry("snacks[1].uid", List.of("No such snack.")),
                        Map.entry(
                            "snacks[2].uid",
                            List.of("This snack is retired and cannot be ordered."))));
  }

  @Test
  void totalsArePerCurrencyAndExact() {
    List<OrderLine> lines =
        List.of(
            new OrderLine("a", "A", 2, new BigDecimal("5980"), "KRW"),
            new OrderLine("b", "B", 3, new BigDecimal("3.49"), "USD"),
            new OrderLine("c", "C", 1, new BigDecimal("0.01"), "USD"),
            new OrderLine("d", "D", 2, new BigDecimal("6200.5"), "KRW"));
    assertThat(Totals.of(lines))
        .containsExactly(
            Map.entry("KRW", new BigDecimal("24361.0")), Map.entry("USD", new BigDecimal("10.48")));
    assertThat(Totals.quantity(lines)).isEqualTo(8);
    assertThat(Totals.of(Collections.emptyList())).isEmpty();
  }
}
