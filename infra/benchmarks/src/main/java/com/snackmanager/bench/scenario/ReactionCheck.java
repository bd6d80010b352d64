package com.snackmanager.bench.scenario;

import com.snackmanager.bench.data.Pools.Pair;
import com.snackmanager.bench.wrk.WrkResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "Every accepted reaction is in PostgreSQL": after a run of {@code reactions.lua}, each pair's row
 * in {@code reaction.reaction} must hold what the pair's last request set. The script's numbering
 * (see its header) tells, from the number of requests each wrk thread sent, how many requests every
 * pair got and so its last reaction: its first type (LIKE, or HATE for a pair that held a LIKE
 * before the run) after an odd number, the other after an even one, the reaction it held before
 * without any.
 *
 * <p>A pool of pairs serves many runs (the steady-state windows): what PostgreSQL holds after one
 * run is what the next run of the same pool starts from ({@link #startOf}), so every window is
 * checked against the state the one before left, over the whole load.
 *
 * <p>When wrk stops, each connection may have one request in flight whose response it never reads;
 * the server may or may not have applied it. Such a request is among the last {@code connections
 * per thread} a thread sent, so for those pairs the reaction before it is accepted too ({@link
 * Outcome#uncertain}).
 */
final class ReactionCheck {

  /**
   * The comparison: runs compared, pairs checked (over all runs), how many may hold either of two
   * reactions, and mismatches.
   */
  record Outcome(int runs, int pairs, int uncertain, int mismatches, List<String> examples) {

    static final Outcome NONE_YET = new Outcome(0, 0, 0, 0, List.of());

    boolean passed() {
      return runs > 0 && mismatches == 0;
    }

    Outcome plus(Outcome other) {
      List<String> both = new ArrayList<>(examples);
      other.examples.stream().limit(Math.max(0, 5 - both.size())).forEach(both::add);
      return new Outcome(
          runs + other.runs,
          pairs + other.pairs,
          uncertain + other.uncertain,
          mismatches + other.mismatches,
          List.copyOf(both));
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%,d pairs checked%s, %d mismatched (%d with a request in flight at the end of a run)",
          pairs,
          runs > 1 ? " over " + runs + " windows" : "",
          mismatches,
          uncertain);
    }
  }

  /** No reaction (never set, or withdrawn). */
  static final String NONE = "none";

  static final String LIKE = "LIKE";
  static final String HATE = "HATE";

  private ReactionCheck() {}

  /** The pairs' reactions in PostgreSQL now ({@link #NONE} for none), in the pairs' order. */
  static List<String> stored(Connection db, List<Pair> pairs) throws SQLException {
    Map<String, String> stored = storedReactions(db, pairs);
    return pairs.stream()
        .map(pair -> stored.getOrDefault(key(pair.snackUid(), pair.memberId()), NONE))
        .toList();
  }

  /**
   * The {@code <start>} of a pairs-file line for {@code reactions.lua}: 1 (begin with a HATE) for a
   * pair that holds a LIKE, 0 (begin with a LIKE) otherwise.
   */
  static int startOf(String held) {
    return LIKE.equals(held) ? 1 : 0;
  }

  /** A run's comparison of what the pairs held before it with what they hold after it. */
  static Outcome compare(
      List<Pair> pairs,
      List<String> before,
      List<String> after,
      WrkResult result,
      int threads,
      int connectionsPerThread) {
    int uncertain = 0;
    int mismatches = 0;
    List<String> examples = new ArrayList<>();
    for (WrkResult.ThreadCount thread : result.threads()) {
      List<Integer> mine = new ArrayList<>();
      for (int index = thread.id(); index < pairs.size(); index += threads) {
        mine.add(index);
      }
      int n = mine.size();
      for (int p = 0; p < n; p++) {
        int index = mine.get(p);
        Set<String> accepted =
            acceptable(thread.sent(), n, p, connectionsPerThread, before.get(index));
        Pair pair = pairs.get(index);
        String actual = after.get(index);
        if (accepted.size() > 1) {
          uncertain++;
        }
        if (!accepted.contains(actual)) {
          mismatches++;
          if (examples.size() < 5) {
            examples.add(
                String.format(
                    "%s by member %d: expected %s, stored %s",
                    pair.snackUid(), pair.memberId(), accepted, actual));
          }
        }
      }
    }
    return new Outcome(1, pairs.size(), uncertain, mismatches, List.copyOf(examples));
  }

  /** {@link #acceptable(long, int, int, int, String)} of a pair that held no reaction before. */
  static Set<String> acceptable(long sent, int n, int p, int connectionsPerThread) {
    return acceptable(sent, n, p, connectionsPerThread, NONE);
  }

  /**
   * The reactions pair {@code p} of a thread's {@code n} pairs may hold after the thread sent
   * {@code sent} requests, when it held {@code held} before: the one its last request set (its
   * first type after an odd number of requests, the other after an even one, {@code held} without
   * any), and also the one before if that last request may still have been in flight.
   */
  static Set<String> acceptable(long sent, int n, int p, int connectionsPerThread, String held) {
    long requests = sent > p ? (sent - p - 1) / n + 1 : 0;
    long lastIndex = p + (requests - 1) * n;
    boolean inFlight = requests > 0 && lastIndex >= sent - connectionsPerThread;
    return inFlight
        ? Set.of(reactionAfter(requests, held), reactionAfter(requests - 1, held))
        : Set.of(reactionAfter(requests, held));
  }

  private static String reactionAfter(long requests, String held) {
    if (requests <= 0) {
      return held;
    }
    String first = startOf(held) == 1 ? HATE : LIKE;
    String second = first.equals(LIKE) ? HATE : LIKE;
    return requests % 2 == 1 ? first : second;
  }

  private static Map<String, String> storedReactions(Connection db, List<Pair> pairs)
      throws SQLException {
    Map<String, String> stored = new HashMap<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "SELECT r.snack_uid, r.member_id, r.type FROM reaction.reaction r"
                + " JOIN unnest(?::text[], ?::bigint[]) AS p(snack_uid, member_id)"
                + " ON r.snack_uid = p.snack_uid AND r.member_id = p.member_id")) {
      query.setArray(1, db.createArrayOf("text", pairs.stream().map(Pair::snackUid).toArray()));
      query.setArray(2, db.createArrayOf("bigint", pairs.stream().map(Pair::memberId).toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String type = rows.getString(3);
          if (type != null) {
            stored.put(key(rows.getString(1), rows.getLong(2)), type);
          }
        }
      }
    }
    return stored;
  }

  private static String key(String snackUid, long memberId) {
    return snackUid + "/" + memberId;
  }
}
