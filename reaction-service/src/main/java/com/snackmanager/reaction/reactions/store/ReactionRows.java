package com.snackmanager.reaction.reactions.store;

import com.snackmanager.reaction.reactions.domain.Position;
import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.reactions.store.ReactionChange.MemberKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a batch of changes lands on the stored rows: in order of {@link Position}, a change applies
 * only if it is newer than what its row holds (an older decision that commits late is superseded,
 * not replayed over a newer one), and an event is due only when the stored reaction really changes.
 * Events carry the stored previous reaction, so consumers that apply deltas stay exact.
 */
final class ReactionRows {

  private ReactionRows() {}

  /** A row as stored: the reaction (null: none or withdrawn) and the position that wrote it. */
  record Stored(Reaction type, Position position) {
    static final Stored NEVER = new Stored(null, Position.NONE);
  }

  /** A change that alters the stored reaction, with the reaction it replaces. */
  record Transition(ReactionChange change, Reaction storedPrevious) {}

  /**
   * @param rows the rows to write, by key (only keys some change advanced)
   * @param transitions the changes that alter a stored reaction, in position order
   */
  record Plan(Map<MemberKey, Stored> rows, List<Transition> transitions) {}

  /**
   * @param stored the current rows of the changes' keys (a missing key: no row yet)
   */
  static Plan plan(Map<MemberKey, Stored> stored, List<ReactionChange> changes) {
    Map<MemberKey, Stored> state = new HashMap<>(stored);
    Map<MemberKey, Stored> rows = new LinkedHashMap<>();
    List<Transition> transitions = new ArrayList<>();
    List<ReactionChange> ordered = new ArrayList<>(changes);
    ordered.sort(Comparator.comparing(ReactionChange::position));
    for (ReactionChange change : ordered) {
      MemberKey key = change.key();
      Stored row = state.getOrDefault(key, Stored.NEVER);
      if (!change.position().isAfter(row.position())) {
        continue;
      }
      if (!Objects.equals(row.type(), change.current())) {
        transitions.add(new Transition(change, row.type()));
      }
      Stored written = new Stored(change.current(), change.position());
      state.put(key, written);
      rows.put(key, written);
    }
    return new Plan(rows, transitions);
  }
}
