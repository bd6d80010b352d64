package com.snackmanager.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.snackmanager.defaults.domain.FieldErrors;
import com.snackmanager.defaults.domain.RuleViolation;
import com.snackmanager.events.orders.OrderStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusChangeRequestTest {

  @Test
  void readsTheStatusAnyCaseAndTheArrivalWithItsOffset() {
    StatusChangeRequest.StatusChange change =
        StatusChangeRequest.read(new StatusChangeRequest(" ordered ", "2024-04-03T09:00:00+09:00"));

    assertThat(change.to()).isEqualTo(OrderStatus.ORDERED);
    assertThat(change.arrival()).isEqualTo(Instant.parse("2024-04-03T00:00:00Z"));
    assertThat(StatusChangeRequest.read(new StatusChangeRequest("APPROVED", null)).arrival())
        .isNull();
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    RuleViolation refused =
        catchThrowableOfType(
            RuleViolation.class,
            () -> StatusChangeRequest.read(new StatusChangeRequest("DELIVERED", "tomorrow")));

    assertThat(refused.errors())
        .containsEntry("status", List.of(OrderStatus.invalidChoice("DELIVERED")))
        .containsEntry(StatusFlow.ARRIVAL_FIELD, List.of(StatusChangeRequest.ARRIVAL_FORMAT));
  }

  @Test
  void anEmptyBodyNeedsAStatus() {
    for (StatusChangeRequest empty :
        new StatusChangeRequest[] {null, new StatusChangeRequest(null, null)}) {
      RuleViolation refused =
          catchThrowableOfType(RuleViolation.class, () -> StatusChangeRequest.read(empty));
      assertThat(refused.errors()).containsEntry("status", List.of(FieldErrors.REQUIRED));
    }
  }
}
