package com.snackmanager.events.reactions;

import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import com.snackmanager.events.envelope.MalformedEventException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads {@code snack.reactions.v1} for the consumers that keep counts (catalog, orders,
 * statistics): one record's change, and a batch's changes summed per snack.
 */
public final class ReactionChanges {

  private ReactionChanges() {}

  /**
   * One consumed event: its envelope and, for a {@code reaction.changed}, the snack and the delta
   * (an event of another type has no snack and a zero delta; consumers record it and move on).
   */
  public record Change(EventEnvelope envelope, String snackUid, ReactionDelta delta) {

    public boolean isReaction() {
      return snackUid != null;
    }
  }

  /**
   * @throws MalformedEventException if the record is not an envelope, or a {@code reaction.changed}
   *     of another version, without a snack or with an unknown reaction
   */
  public static Change read(EventCodec codec, String message) {
    return of(codec, codec.decode(message));
  }

  /**
   * @throws MalformedEventException if the envelope is a {@code reaction.changed} of another
   *     version, without a snack or with an unknown reaction
   */
  public static Change of(EventCodec codec, EventEnvelope envelope) {
    if (!ReactionChanged.TYPE.equals(envelope.eventType())) {
      return new Change(envelope, null, ReactionDelta.ZERO);
    }
    ReactionChanged event = codec.payload(envelope, ReactionChanged.class, ReactionChanged.VERSION);
    if (event.snackUid() == null || event.snackUid().isBlank()) {
      throw new MalformedEventException(
          "reaction.changed " + envelope.eventId() + ": snack_uid is required", null);
    }
    return new Change(
        envelope, event.snackUid(), ReactionDelta.between(event.previous(), event.current()));
  }

  /**
   * The changes' deltas summed per snack, in uid order (so concurrent transactions lock rows in the
   * same order). Snacks whose changes cancel out are kept with a zero delta: they were still
   * reacted to.
   */
  public static SortedMap<String, ReactionDelta> sumBySnack(List<Change> changes) {
    SortedMap<String, ReactionDelta> sums = new TreeMap<>();
    for (Change change : changes) {
      if (change.isReaction()) {
        sums.merge(change.snackUid(), change.delta(), ReactionDelta::plus);
      }
    }
    return sums;
  }

  /**
   * Summed deltas as three parallel arrays (snack uids, likes, hates), for one multi-row statement
   * ({@code unnest(:uids, :likes, :hates)}).
   */
  public record Columns(String[] uids, Long[] likes, Long[] hates) {

    public static Columns of(SortedMap<String, ReactionDelta> sums) {
      int n = sums.size();
      String[] uids = new String[n];
      Long[] likes = new Long[n];
      Long[] hates = new Long[n];
      int i = 0;
      for (Map.Entry<String, ReactionDelta> sum : sums.entrySet()) {
        uids[i] = sum.getKey();
        likes[i] = sum.getValue().likes();
        hates[i] = sum.getValue().hates();
        i++;
      }
      return new Columns(uids, likes, hates);
    }
  }
}
