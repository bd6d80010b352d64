package com.snackmanager.defaults.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.snackmanager.defaults.web.ProblemMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class FieldErrorsTest {

  @Test
  void everyBadFieldIsReportedAtOnceAndTheFirstIsTheDetail() {
    FieldErrors errors = new FieldErrors();
    assertThat(errors.required("name", "  ")).isNull();
    assertThat(errors.required("email", null)).isNull();
    assertThat(errors.required("desc", "fine")).isEqualTo("fine");
    errors.add("snacks[1].quantity", "Ensure this value is greater than or equal to 1.");

    RuleViolation violation = catchThrowableOfType(RuleViolation.class, errors::throwIfAny);

    assertThat(violation.detail()).isEqualTo("name: " + FieldErrors.BLANK);
    assertThat(violation.errors())
        .containsExactly(
            Map.entry("name", List.of(FieldErrors.BLANK)),
            Map.entry("email", List.of(FieldErrors.REQUIRED)),
            Map.entry(
                "snacks[1].quantity", List.of("Ensure this value is greater than or equal to 1.")));
  }

  @Test
  void nothingRecordedThrowsNothing() {
    FieldErrors errors = new FieldErrors();
    assertThat(errors.isEmpty()).isTrue();
    assertThatCode(errors::throwIfAny).doesNotThrowAnyException();
  }

  @Test
  void aBrokenRuleIsA400ProblemNamingItsFields() {
    ProblemDetail problem =
        ProblemMapper.toProblem(RuleViolation.ofField("status", "Cannot move from A to B."));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getDetail()).isEqualTo("Cannot move from A to B.");
    assertThat(problem.getProperties())
        .containsEntry("errors", Map.of("status", List.of("Cannot move from A to B.")));

    ProblemDetail whole = ProblemMapper.toProblem(new RuleViolation("The last admin stays."));
    assertThat(whole.getStatus()).isEqualTo(400);
    assertThat(whole.getDetail()).isEqualTo("The last admin stays.");
  }
}
