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
import java.util.Map;
import java.util.Set;

/**
 * "Every accepted reaction is in PostgreSQL": after a run of {@code reactions.lua}, each pair's row
 * in {@code reaction.reaction} must hold what the pair's last request set. The script's numbering
 * (see its header) tells, from the number of requests each wrk thread sent, how many requests every
 * pair got and so its last reaction: LIKE after an odd number, HATE after an even one, none without
 * any.
 *
 * <p>When wrk stops, each connection may have one request in flight whose response it never reads;
 * the server may or may not have applied it. Such a request is among the last {@code connections
 * per thread} a thread sent, so for those pairs the reaction before it is accepted too ({@link
 * Outcome#uncertain}).
 */
final class ReactionCheck {

  /** The comparison: pairs checked, how many may hold either of two reactions, and mismatches. */
  record Outcome(int pairs, int uncertain, int mismatches, List<String> examples) {
    boolean passed() {
      return mismatches == 0;
    }

    String describe() {
      return String.format(
          "%,d pairs checked, %d mismatched (%d with a request in flight at the end)",
          pairs, mismatches, uncertain);
    }
  }

  /** No reaction (never set, or withdrawn). */
  static final String NONE = "none";

  private ReactionCheck() {}

  static Outcome verify(
      Connection db, List<Pair> pairs, WrkResult result, int threads, int connectionsPerThread)
      throws SQLException {
    Map<String, String> stored = storedReactions(db, pairs);
    int uncertain = 0;
    int mismatches = 0;
    List<String> examples = new ArrayList<>();
    for (WrkResult.ThreadCount thread : result.threads()) {
      List<Pair> mine = new ArrayList<>();
      for (int index = thread.id(); index < pairs.size(); index += threads) {
        mine.add(pairs.get(index));
      }
      int n = mine.size();
      for (int p = 0; p < n; p++) {
        Set<String> accepted = acceptable(thread.sent(), n, p, connectionsPerThread);
        Pair pair = mine.get(p);
        String actual = stored.getOrDefault(key(pair.snackUid(), pair.memberId()), NONE);
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
    return new Outcome(pairs.size(), uncertain, mismatches, examples);
  }

  /**
   * The reactions pair {@code p} of a thread's {@code n} pairs may hold after the thread sent
   * {@code sent} requests: the one its last request set (LIKE after an odd number of requests, HATE
   * after an even one, {@link #NONE} without any), and also the one before if that last request may
   * still have been in flight.
   */
  static Set<String> acceptable(long sent, int n, int p, int connectionsPerThread) {
    long requests = sent > p ? (sent - p - 1) / n + 1 : 0;
    long lastIndex = p + (requests - 1) * n;
    boolean inFlight = requests > 0 && lastIndex >= sent - connectionsPerThread;
    return inFlight
        ? Set.of(reactionAfter(requests), reactionAfter(requests - 1))
        : Set.of(reactionAfter(requests));
  }

  private static String reactionAfter(long requests) {
    if (requests <= 0) {
      return NONE;
    }
    return requests % 2 == 1 ? "LIKE" : "HATE";
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
