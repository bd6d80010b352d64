package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.domain.RuleViolation;
import com.snackmanager.snack.web.InputValue;
import com.snackmanager.snack.web.JsonInput;
import com.snackmanager.snack.web.SnackInput;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnackRulesTest {

  private static Map<String, InputValue> valid() {
    Map<String, InputValue> fields = new LinkedHashMap<>();
    fields.put("name", new InputValue.Text("  농심 감자깡 75g "));
    fields.put("url", new InputValue.Text("https://example.com/gamjaggang?x=1"));
    fields.put("desc", new InputValue.Text("감자깡 바삭바삭 맛있어요."));
    fields.put("currency", new InputValue.Text("KRW"));
    fields.put("price", new InputValue.Number(new BigDecimal("750")));
    return fields;
  }

  private static SnackState register(Map<String, InputValue> fields) {
    return SnackRules.registration(new SnackInput(fields));
  }

  private static Map<String, List<String>> errors(Map<String, InputValue> fields) {
    try {
      register(fields);
    } catch (RuleViolation e) {
      return e.errors();
    }
    throw new AssertionError("expected a 400 for " + fields);
  }

  @Test
  void aValidRegistrationIsTrimmedAndActive() {
    SnackState state = register(valid());
    assertThat(state.name().display()).isEqualTo("농심 감자깡 75g");
    assertThat(state.currency()).isEqualTo(Currency.KRW);
    assertThat(state.price()).isEqualByComparingTo("750");
    assertThat(state.price().scale()).isZero();
    assertThat(state.status()).isEqualTo(SnackStatus.ACTIVE);
  }

  @Test
  void everyMissingFieldIsReportedAtOnceAndDescIsOptional() {
    RuleViolation error =
        org.junit.jupiter.api.Assertions.assertThrows(
            RuleViolation.class, () -> SnackRules.registration(SnackInput.empty()));
    assertThat(error.errors()).containsOnlyKeys("name", "url", "currency", "price");
    assertThat(error.detail()).isEqualTo("name: This field is required.");
  }

  @Test
  void textFieldsMustBeStrings() {
    Map<String, InputValue> fields = valid();
    fields.put("name", new InputValue.Number(BigDecimal.ONE));
    fields.put("url", new InputValue.Other("array"));
    fields.put("desc", new InputValue.Other("boolean"));
    fields.put("currency", new InputValue.Null());
    assertThat(errors(fields))
        .containsEntry("name", List.of("Not a valid string."))
        .containsEntry("url", List.of("Not a valid string."))
        .containsEntry("desc", List.of("Not a valid string."))
        .containsEntry("currency", List.of("This field may not be null."));
  }

  @Test
  void urlsMustBeAbsoluteHttpOrHttps() {
    for (String url :
        List.of(
            "ftp://example.com/x",
            "javascript:alert(1)",
            "example.com",
            "http://",
            "http:///x",
            "https://exa mple.com",
            "mailto:a@b.c")) {
      Map<String, InputValue> fields = valid();
      fields.put("url", new InputValue.Text(url));
      assertThat(errors(fields)).as(url).containsEntry("url", List.of(SnackRules.INVALID_URL));
    }
    Map<String, InputValue> fields = valid();
    fields.put("url", new InputValue.Text("HTTP://localhost:8080/snack"));
    assertThat(register(fields).url()).isEqualTo("HTTP://localhost:8080/snack");
  }

  @Test
  void currenciesAreKrwUsdOrJpy() {
    Map<String, InputValue> fields = valid();
    fields.put("currency", new InputValue.Text("EUR"));
    assertThat(errors(fields))
        .containsEntry("currency", List.of("\"EUR\" is not a valid choice; use KRW, USD or JPY."));
    fields.put("currency", new InputValue.Text(" jpy "));
    assertThat(register(fields).currency()).isEqualTo(Currency.JPY);
  }

  @Test
  void pricesFitTheirCurrency() {
    Map<String, InputValue> fields = valid();
    fields.put("price", new InputValue.Text("100.5"));
    assertThat(errors(fields))
        .containsEntry("price", List.of("KRW prices have no decimal places."));

    fields.put("price", new InputValue.Text("3000.00"));
    assertThat(register(fields).price()).isEqualTo(new BigDecimal("3000"));

    fields.put("currency", new InputValue.Text("USD"));
    fields.put("price", new InputValue.Number(new BigDecimal("1.5")));
    assertThat(register(fields).price()).isEqualTo(new BigDecimal("1.50"));

    fields.put("price", new InputValue.Number(new BigDecimal("1.234")));
    assertThat(errors(fields))
        .containsEntry("price", List.of("USD prices have at most 2 decimal places."));

    fields.put("price", new InputValue.Number(new BigDecimal("0")));
    assertThat(register(fields).price()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void negativeAbsurdAndNonNumericPricesAreRefused() {
    Map<String, InputValue> fields = valid();
    fields.put("price", new InputValue.Number(new BigDecimal("-1")));
    assertThat(errors(fields)).containsEntry("price", List.of(SnackRules.NEGATIVE));

    fields.put("price", new InputValue.Number(new BigDecimal("1E+12")));
    assertThat(errors(fields))
        .containsEntry(
            "price", List.of("Ensure this value is less than or equal to 100000000 for KRW."));

    for (String text : List.of("abc", "1,000", "1e3", "NaN", "Infinity", "12.")) {
      fields.put("price", new InputValue.Text(text));
      assertThat(errors(fields)).as(text).containsEntry("price", List.of(SnackRules.NOT_NUMBER));
    }
    fields.put("price", new InputValue.Other("boolean"));
    assertThat(errors(fields)).containsEntry("price", List.of(SnackRules.NOT_NUMBER));
  }

  @Test
  void namesAndDescriptionsHaveLimits() {
    Map<String, InputValue> fields = valid();
    fields.put("name", new InputValue.Text("가".repeat(200)));
    assertThat(register(fields).name().length()).isEqualTo(200);
    fields.put("name", new InputValue.Text("가".repeat(201)));
    assertThat(errors(fields))
        .containsEntry("name", List.of("Ensure this field has no more than 200 characters."));
    fields.put("name", new InputValue.Text("   "));
    assertThat(errors(fields)).containsEntry("name", List.of("This field may not be blank."));
    fields.put("name", new InputValue.Text("bell\u0007"));
    assertThat(errors(fields)).containsEntry("name", List.of(SnackRules.CONTROL_CHARACTERS));

    fields = valid();
    fields.put("desc", new InputValue.Text("x".repeat(2001)));
    assertThat(errors(fields))
        .containsEntry("desc", List.of("Ensure this field has no more than 2000 characters."));
    fields.put("desc", new InputValue.Text("nul\u0000"));
    assertThat(errors(fields)).containsEntry("desc", List.of(SnackRules.CONTROL_CHARACTERS));
    fields.put("desc", new InputValue.Null());
    assertThat(register(fields).desc()).isEmpty();
  }

  @Test
  void anEditReplacesOnlyTheGivenFieldsAndKnowsARetirement() {
    SnackState current = register(valid());
    SnackEdit nothing = SnackRules.edit(current, JsonInput.parse("{\"price\": 750}"));
    assertThat(nothing.changed()).isFalse();

    SnackEdit retire = SnackRules.edit(current, JsonInput.parse("{\"status\": \"retired\"}"));
    assertThat(retire.changed()).isTrue();
    assertThat(retire.retired()).isTrue();
    assertThat(retire.state().name()).isEqualTo(current.name());

    SnackEdit back = SnackRules.edit(retire.state(), JsonInput.parse("{\"status\": \"ACTIVE\"}"));
    assertThat(back.retired()).isFalse();
    assertThat(back.state().status()).isEqualTo(SnackStatus.ACTIVE);
  }

  @Test
  void anEditChecksThePriceAgainstTheCurrencyItEndsUpWith() {
    Map<String, InputValue> fields = valid();
    fields.put("currency", new InputValue.Text("USD"));
    fields.put("price", new InputValue.Text("1.25"));
    SnackState dollars = register(fields);
    assertThatThrownBy(() -> SnackRules.edit(dollars, JsonInput.parse("{\"currency\": \"KRW\"}")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("price: KRW prices have no decimal places.");
    assertThatThrownBy(() -> SnackRules.edit(dollars, JsonInput.parse("{\"status\": \"GONE\"}")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("status: \"GONE\" is not a valid choice; use ACTIVE or RETIRED.");
    assertThatThrownBy(() -> SnackRules.edit(dollars, JsonInput.parse("{\"name\": null}")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("name: This field may not be null.");
  }

  @Test
  void aMisspeltFieldIsRefusedNamingItInARegistrationAndAnEdit() {
    Map<String, InputValue> fields = valid();
    fields.put("pirce", new InputValue.Number(new BigDecimal("1")));
    assertThat(errors(fields)).containsOnlyKeys("pirce");

    SnackState current = register(valid());
    assertThatThrownBy(() -> SnackRules.edit(current, JsonInput.parse("{\"stauts\": \"RETIRED\"}")))
        .isInstanceOf(RuleViolation.class)
        .hasMessage("stauts: Unknown field.");
  }
}
