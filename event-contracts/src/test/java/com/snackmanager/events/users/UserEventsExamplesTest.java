package com.snackmanager.events.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.events.envelope.DomainEvent;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.ExampleEvents;
import com.snackmanager.events.envelope.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published users examples are what the records produce, and the records read them. */
class UserEventsExamplesTest {

  private final EventCodec codec = new EventCodec();

  @Test
  void publishesOneExamplePerUsersEventType() {
    assertThat(ExampleEvents.load(Topics.USERS))
        .extracting(EventEnvelope::eventType)
        .containsExactly(UserRegistered.TYPE, UserResigned.TYPE, UserRoleChanged.TYPE);
  }

  @Test
  void eachExampleMapsToItsRecord() {
    for (EventEnvelope example : ExampleEvents.load(Topics.USERS)) {
      DomainEvent event =
          switch (example.eventType()) {
            case UserRegistered.TYPE -> codec.payload(example, UserRegistered.class);
            case UserRoleChanged.TYPE -> codec.payload(example, UserRoleChanged.class);
            case UserResigned.TYPE -> codec.payload(example, UserResigned.class);
            default -> throw new AssertionError("unexpected " + example.eventType());
          };
      assertThat(event.topic()).isEqualTo(Topics.USERS);
      assertThat(event.eventType()).isEqualTo(example.eventType());
      assertThat(event.eventVersion()).isEqualTo(example.eventVersion()).isEqualTo(1);
      assertThat(event.aggregateId()).isEqualTo(example.aggregateId());
      // the record writes exactly the example's payload fields, and reads its own output back
      EventEnvelope rewrapped = codec.decode(codec.encode(codec.wrap(event)));
      assertThat(rewrapped.payload().propertyNames())
          .containsExactlyInAnyOrderElementsOf(example.payload().propertyNames());
      assertThat(codec.payload(rewrapped, event.getClass())).isEqualTo(event);
    }
  }

  @Test
  void examplesCarryTheDocumentedValues() {
    assertThat(codec.payload(example(UserRegistered.TYPE), UserRegistered.class))
        .isEqualTo(
            new UserRegistered(
                42,
                "ada@example.com",
                "Ada Lovelace",
                "MEMBER",
                Instant.parse("2026-03-02T09:15:30.120Z")));
    assertThat(codec.payload(example(UserRoleChanged.TYPE), UserRoleChanged.class))
        .isEqualTo(
            new UserRoleChanged(42, "MEMBER", "ADMIN", 1, Instant.parse("2026-03-05T14:02:11Z")));
    assertThat(codec.payload(example(UserResigned.TYPE), UserResigned.class))
        .isEqualTo(new UserResigned(42, "ada@example.com", Instant.parse("2026-04-11T08:30:00Z")));
  }

  @Test
  void examplesHaveDistinctEventIds() {
    List<EventEnvelope> examples = ExampleEvents.load(Topics.USERS);
    assertThat(examples).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
  }

  @Test
  void failsLoudlyForATopicOrTypeWithoutExamples() {
    assertThatThrownBy(() -> ExampleEvents.load("snack.nothing.v1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExampleEvents.load(Topics.USERS, "user.renamed"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static EventEnvelope example(String eventType) {
    return ExampleEvents.load(Topics.USERS, eventType);
  }
}
