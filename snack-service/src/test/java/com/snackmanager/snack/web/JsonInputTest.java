package com.snackmanager.snack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.defaults.web.ApiException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonInputTest {

  @Test
  void fieldsKeepTheirJsonTypeAndNumbersEveryDigit() {
    SnackInput input =
        JsonInput.parse(
            "{\"name\": \"빈츠\", \"price\": 12345678.120000000001, \"desc\": null,"
                + " \"url\": [1], \"currency\": true}");
    assertThat(input.get("name")).contains(new InputValue.Text("빈츠"));
    assertThat(input.get("price"))
        .contains(new InputValue.Number(new BigDecimal("12345678.120000000001")));
    assertThat(input.get("desc")).contains(new InputValue.Null());
    assertThat(input.get("url")).contains(new InputValue.Other("array"));
    assertThat(input.get("currency")).contains(new InputValue.Other("boolean"));
    assertThat(input.has("status")).isFalse();
  }

  @Test
  void anEmptyBodyHasNoFields() {
    assertThat(JsonInput.parse("").has("name")).isFalse();
    assertThat(JsonInput.parse(null).has("name")).isFalse();
  }

  @Test
  void onlyAWellFormedObjectIsABody() {
    for (String body : new String[] {"{\"name\": ", "[]", "\"name\"", "{} {}", "{'a': 1}"}) {
      assertThatThrownBy(() -> JsonInput.parse(body)).as(body).isInstanceOf(ApiException.class);
    }
  }
}
