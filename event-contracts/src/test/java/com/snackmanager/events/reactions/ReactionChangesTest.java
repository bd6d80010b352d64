package com.snackmanager.events.reactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.MalformedEventException;
import com.snackmanager.events.reactions.ReactionChanges.Change;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReactionChangesTest {

  private final EventCodec codec = new EventCodec();

  private Change change(String snack, String previous, String current) {
    EventEnvelope envelope =
        codec.wrap(new ReactionChanged(snack, 1, previous, current, 0, 0, Instant.now()));
    return ReactionChanges.read(codec, codec.encode(envelope));
  }

  @Test
  void aBatchIsSummedPerSnackInUidOrder() {
    List<Change> changes =
        List.of(
            change("sn_b", null, "LIKE"),
            change("sn_a", null, "HATE"),
            change("sn_b", "LIKE", "HATE"),
            change("sn_c", null, "LIKE"),
            change("sn_c", "LIKE", null));

    assertThat(ReactionChanges.sumBySnack(changes))
        .containsExactly(
            Map.entry("sn_a", new ReactionDelta(0, 1)),
            Map.entry("sn_b", new ReactionDelta(0, 1)),
            Map.entry("sn_c", ReactionDelta.ZERO));
  }

  @Test
  void eventsOfOtherTypesAreReadButCountNothing() {
    EventEnvelope other =
        new EventEnvelope(
            UUID.randomUUID(),
            "reaction.audited",
            1,
            Instant.now(),
            "sn_x",
            JsonMapper.shared().createObjectNode());
    Change change = ReactionChanges.of(codec, other);

    assertThat(change.isReaction()).isFalse();
    assertThat(ReactionChanges.sumBySnack(List.of(change))).isEmpty();
  }

  @Test
  void malformedReactionEventsAreRefused() {
    String valid =
        codec.encode(codec.wrap(new ReactionChanged("sn_a", 1, null, "LIKE", 1, 0, Instant.now())));
    String blankSnack = valid.replace("\"snack_uid\":\"sn_a\"", "\"snack_uid\":\" \"");
    assertThat(blankSnack).isNotEqualTo(valid);
    assertThatThrownBy(() -> ReactionChanges.read(codec, blankSnack))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("snack_uid");
    assertThatThrownBy(() -> change("sn_a", null, "LOVE"))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("LOVE");
    assertThatThrownBy(() -> ReactionChanges.read(codec, "{not an envelope"))
        .isInstanceOf(MalformedEventException.class);
  }
}
