package com.snackmanager.defaults.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.defaults.web.ProblemMapper;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.databind.json.JsonMapper;

/** The JSON rules every service gets, as its mapper and its problem documents apply them. */
class StrictTextInputTest {

  record SignUp(String email, String name) {}

  private final JsonMapper mapper = mapper();

  private static JsonMapper mapper() {
    JsonMapper.Builder builder = JsonMapper.builder();
    new ServiceDefaultsAutoConfiguration().textFieldsTakeStringsOnly().customize(builder);
    return builder.build();
  }

  @Test
  void aNulInATextFieldIsA400NamingTheField() {
    ProblemDetail problem = problemFor("{\"email\": \"a@b.co\", \"name\": \"a\\u0000b\"}");
    assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
    assertThat(problem.getDetail()).contains("name");
    assertThat(problem.getProperties().get("errors"))
        .asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsKey("name");
  }

  @Test
  void aNumberForATextFieldIsStillRefused() {
    ProblemDetail problem = problemFor("{\"email\": \"a@b.co\", \"name\": 12345678}");
    assertThat(problem.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
    assertThat(problem.getDetail()).contains("name");
  }

  @Test
  void ordinaryTextIsRead() {
    assertThat(
            mapper.readValue("{\"email\": \"a@b.co\", \"name\": \"Kim\\tJi-woo\"}", SignUp.class))
        .isEqualTo(new SignUp("a@b.co", "Kim\tJi-woo"));
  }

  /** The problem a WebFlux handler's client gets when the JSON decoder fails like this. */
  private ProblemDetail problemFor(String json) {
    try {
      mapper.readValue(json, SignUp.class);
    } catch (RuntimeException e) {
      return ProblemMapper.toProblem(
          new ServerWebInputException(
              "Failed to read HTTP message",
              null,
              new DecodingException("JSON decoding error", e)));
    }
    throw new AssertionError("accepted: " + json);
  }
}
