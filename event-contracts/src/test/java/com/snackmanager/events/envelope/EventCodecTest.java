package com.snackmanager.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.events.users.UserRegistered;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:15:30.123456Z");
  private final EventCodec codec = new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC));
  private final UserRegistered registered =
      new UserRegistered(
          42, "ada@example.com", "Ada", "MEMBER", Instant.parse("2026-03-02T09:15:30Z"));

  @Test
  void wrapsAnEventInANewEnvelopeFromItsOwnContractFacts() {
    EventEnvelope envelope = codec.wrap(registered);

    assertThat(envelope.eventId()).isNotNull().isNotEqualTo(codec.wrap(registered).eventId());
    assertThat(envelope.eventType()).isEqualTo("user.registered");
    assertThat(envelope.eventVersion()).isEqualTo(1);
    assertThat(envelope.occurredAt()).isEqualTo(NOW);
    assertThat(envelope.aggregateId()).isEqualTo("42");
  }

  @Test
  void encodesSnakeCaseFieldsIsoTimestampsAndOnlyThePayloadFieldsInThePayload() {
    JsonNode json = JsonMapper.shared().readTree(codec.encode(codec.wrap(registered)));

    assertThat(json.propertyNames())
        .containsExactly(
            "event_id", "event_type", "event_version", "occurred_at", "aggregate_id", "payload");
    assertThat(json.get("event_type").asString()).isEqualTo("user.registered");
    assertThat(json.get("occurred_at").asString()).isEqualTo("2026-03-02T09:15:30.123456Z");
    assertThat(json.get("payload").propertyNames())
        .containsExactlyInAnyOrder("member_id", "email", "name", "member_type", "joined_at");
    assertThat(json.get("payload").get("joined_at").asString()).isEqualTo("2026-03-02T09:15:30Z");
  }

  @Test
  void decodesWhatItEncodesAndMapsThePayloadBack() {
    EventEnvelope envelope = codec.wrap(registered);

    EventEnvelope decoded = codec.decode(codec.encode(envelope));

    assertThat(decoded).isEqualTo(envelope);
    assertThat(codec.payload(decoded, UserRegistered.class)).isEqualTo(registered);
    assertThat(codec.decode(codec.encode(envelope).getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(envelope);
  }

  @Test
  void keepsEveryDigitOfAnAmount() {
    Priced priced = new Priced("7", new BigDecimal("12.50"));

    EventEnvelope decoded = codec.decode(codec.encode(codec.wrap(priced)));

    assertThat(codec.payload(decoded, Priced.class)).isEqualTo(priced);
    assertThat(decoded.payload().get("unit_price").toString()).isEqualTo("12.50");
  }

  @Test
  void ignoresPayloadFieldsItDoesNotKnow() {
    String json =
        codec
            .encode(codec.wrap(registered))
            .replace("\"member_id\":42", "\"member_id\":42,\"nickname\":\"ada\"");

    assertThat(codec.payload(codec.decode(json), UserRegistered.class)).isEqualTo(registered);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "",
        "[]",
        "{\"event_type\":\"user.registered\"}",
        // no event_id
        "{\"event_type\":\"x\",\"event_version\":1,\"occurred_at\":\"2026-01-01T00:00:00Z\","
            + "\"aggregate_id\":\"1\",\"payload\":{}}",
        // version 0
        "{\"event_id\":\"0b6f3a52-8d1e-4c57-9a0e-3f1d2c4b5a61\",\"event_type\":\"x\","
            + "\"event_version\":0,\"occurred_at\":\"2026-01-01T00:00:00Z\",\"aggregate_id\":\"1\","
            + "\"payload\":{}}",
        // payload not an object
        "{\"event_id\":\"0b6f3a52-8d1e-4c57-9a0e-3f1d2c4b5a61\",\"event_type\":\"x\","
            + "\"event_version\":1,\"occurred_at\":\"2026-01-01T00:00:00Z\",\"aggregate_id\":\"1\","
            + "\"payload\":\"text\"}",
        // timestamp not ISO-8601
        "{\"event_id\":\"0b6f3a52-8d1e-4c57-9a0e-3f1d2c4b5a61\",\"event_type\":\"x\","
            + "\"event_version\":1,\"occurred_at\":\"yesterday\",\"aggregate_id\":\"1\","
            + "\"payload\":{}}"
      })
  void rejectsAnythingThatIsNotACompleteEnvelope(String json) {
    assertThatThrownBy(() -> codec.decode(json))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith("Not an event envelope");
  }

  @Test
  void rejectsAMissingMessage() {
    assertThatThrownBy(() -> codec.decode((byte[]) null))
        .isInstanceOf(MalformedEventException.class);
  }

  @Test
  void rejectsAPayloadThatDoesNotFitTheRecord() {
    String json =
        codec.encode(codec.wrap(registered)).replace("\"member_id\":42", "\"member_id\":\"x\"");
    EventEnvelope envelope = codec.decode(json);

    assertThatThrownBy(() -> codec.payload(envelope, UserRegistered.class))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining(envelope.eventId().toString());
  }

  record Priced(String snackId, BigDecimal unitPrice) implements DomainEvent {
    @Override
    public String topic() {
      return Topics.CATALOG;
    }

    @Override
    public String eventType() {
      return "test.priced";
    }

    @Override
    public int eventVersion() {
      return 1;
    }

    @Override
    public String aggregateId() {
      return snackId;
    }
  }

  @Test
  void namesTheDeadLetterTopicOfATopic() {
    assertThat(Topics.deadLetter(Topics.ORDERS)).isEqualTo("snack.orders.v1.dlt");
  }
}
