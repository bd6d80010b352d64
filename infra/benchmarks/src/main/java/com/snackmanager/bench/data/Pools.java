package com.snackmanager.bench.data;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which generated members and snacks each scenario uses, found in the loaded database so that a
 * scenario's requests are valid by construction: reaction pairs that hold no reaction yet (so the
 * first request of a pair is never "the same reaction again"), and snacks no undelivered order
 * holds (so every order creation is a 201).
 *
 * <p>Snack numbers are split into ranges: the first {@link #freshnessSnacks()} serve the freshness
 * probe (they come first in uid order, which makes them cheap to read back from the statistics),
 * then {@link #REACTION_POOLS} ranges of {@link #poolSnacks()} snacks, one per pool.
 *
 * @param shape the data set loaded
 */
public record Pools(DataShape shape) {

  /**
   * Pools of reaction pairs: the gateway loop's two (its windows alternate between them), the
   * direct loop's two, and the freshness probe's background load.
   */
  public static final int REACTION_POOLS = 5;

  /** Members per pool snack: a pool has ten times as many pairs as snacks. */
  static final int MEMBERS_PER_SNACK = 10;

  /** Members whose tokens the load uses (the gateway limits each member to 50 requests/s). */
  public int tokenMembers() {
    return Math.min(400, shape.members());
  }

  public int freshnessSnacks() {
    return Math.min(100, shape.snacks() / 20);
  }

  public int poolSnacks() {
    return Math.max(5, shape.snacks() / 50);
  }

  /** First snack number of reaction pool {@code pool} (0-based). */
  int firstPoolSnack(int pool) {
    return freshnessSnacks() + 1 + pool * poolSnacks();
  }

  /** One member's reaction to one snack; {@code token} is the member's line in the tokens file. */
  public record Pair(int token, long memberId, String snackUid) {}

  public static String snackUid(int number) {
    return String.format(Locale.ROOT, "sn_bnch%06d", number);
  }

  public static String memberEmail(int number) {
    return String.format(Locale.ROOT, "bench-%06d@bench.snack.local", number);
  }

  /** Ids of members 1 .. {@link #tokenMembers()}, in that order (token line i = member i). */
  public List<Long> tokenMemberIds(Connection db) throws SQLException {
    List<String> emails = new ArrayList<>();
    for (int i = 1; i <= tokenMembers(); i++) {
      emails.add(memberEmail(i));
    }
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "SELECT m.id FROM unnest(?::text[]) WITH ORDINALITY AS e(email, position)"
                + " JOIN auth.member m ON lower(m.email) = e.email ORDER BY e.position")) {
      query.setArray(1, db.createArrayOf("text", emails.toArray()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    if (ids.size() != emails.size()) {
      throw new IllegalStateException("Generated members are missing from auth.member");
    }
    return ids;
  }

  /**
   * The pairs of reaction pool {@code pool}: pair j reacts to snack {@code j mod s} of the pool (so
   * consecutive requests go to different snacks) as token member {@code (j / s + 10 (j mod s)) mod
   * t}, distinct per snack; pairs that already hold a generated reaction are left out.
   */
  public List<Pair> reactionPool(Connection db, List<Long> tokenMemberIds, int pool)
      throws SQLException {
    if (pool < 0 || pool >= REACTION_POOLS) {
      throw new IllegalArgumentException("No reaction pool " + pool);
    }
    int first = firstPoolSnack(pool);
    int snacks = poolSnacks();
    List<Pair> candidates = new ArrayList<>();
    for (int j = 0; j < snacks * MEMBERS_PER_SNACK; j++) {
      int token = (j / snacks + MEMBERS_PER_SNACK * (j % snacks)) % tokenMemberIds.size();
      candidates.add(new Pair(token + 1, tokenMemberIds.get(token), snackUid(first + j % snacks)));
    }
    return withoutReaction(db, candidates);
  }

  /** For each freshness snack, one token member who has no reaction to it. */
  public List<Pair> freshnessPairs(Connection db, List<Long> tokenMemberIds) throws SQLException {
    List<Pair> pairs = new ArrayList<>();
    for (int n = 1; n <= freshnessSnacks(); n++) {
      List<Pair> candidates = new ArrayList<>();
      for (int attempt = 0; attempt < tokenMemberIds.size(); attempt++) {
        int token = (n * 37 + attempt) % tokenMemberIds.size();
        candidates.add(new Pair(token + 1, tokenMemberIds.get(token), snackUid(n)));
      }
      pairs.add(withoutReaction(db, candidates).get(0));
    }
    return pairs;
  }

  /** Active snacks that no undelivered order holds, in uid order: each can be ordered once. */
  public static List<String> orderableSnacks(Connection db) throws SQLException {
    return strings(
        db,
        "SELECT c.uid FROM ordering.catalog_snack c WHERE c.status = 'ACTIVE'"
            + " AND NOT EXISTS (SELECT 1 FROM ordering.held_snack h WHERE h.snack_uid = c.uid)"
            + " ORDER BY c.uid");
  }

  /** A snack an undelivered generated order holds. */
  public static String heldSnack(Connection db) throws SQLException {
    List<String> held =
        strings(db, "SELECT snack_uid FROM ordering.held_snack ORDER BY snack_uid LIMIT 1");
    if (held.isEmpty()) {
      throw new IllegalStateException("No generated order holds a snack");
    }
    return held.get(0);
  }

  private static List<Pair> withoutReaction(Connection db, List<Pair> candidates)
      throws SQLException {
    Set<String> taken = new HashSet<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "SELECT r.snack_uid, r.member_id FROM reaction.reaction r"
                + " JOIN unnest(?::text[], ?::bigint[]) AS c(snack_uid, member_id)"
                + " ON r.snack_uid = c.snack_uid AND r.member_id = c.member_id")) {
      Array snacks = db.createArrayOf("text", candidates.stream().map(Pair::snackUid).toArray());
      Array members = db.createArrayOf("bigint", candidates.stream().map(Pair::memberId).toArray());
      query.setArray(1, snacks);
      query.setArray(2, members);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          taken.add(rows.getString(1) + "/" + rows.getLong(2));
        }
      }
    }
    List<Pair> free =
        candidates.stream()
            .filter(pair -> !taken.contains(pair.snackUid() + "/" + pair.memberId()))
            .toList();
    if (free.isEmpty()) {
      throw new IllegalStateException("Every candidate pair already holds a reaction");
    }
    return free;
  }

  private static List<String> strings(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement query = db.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
