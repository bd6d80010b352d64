package com.snackmanager.order.orders;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code held_snack} table: which undelivered order holds which snack. Its primary key is the
 * rule "a snack in an undelivered order cannot be put in another order": of concurrent orders of
 * one snack, one inserts the row and the others find it taken (after waiting for the first to
 * commit or roll back).
 */
@Repository
public class HeldSnacks {

  private final DatabaseClient db;

  public HeldSnacks(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Holds the snacks for the order, in uid order (so two orders taking several snacks at once
   * cannot deadlock).
   *
   * @return the snacks already held by another order (nothing was held for them)
   */
  Mono<Set<String>> hold(long orderId, Collection<String> snackUids) {
    return db.sql(holdSql(Orders.ORDER_ID))
        .bind("orderId", orderId)
        .bind("heldUids", snackUids.toArray(new String[0]))
        .map(row -> row.get("snack_uid", String.class))
        .all()
        .collectList()
        .map(held -> taken(snackUids, held));
  }

  /**
   * The insert that holds the snacks {@code :heldUids} for the order whose {@code id} the FROM item
   * {@code order} gives, in uid order, returning the snacks it held: a statement that writes the
   * order itself embeds it (see {@link Orders#place}).
   */
  static String holdSql(String order) {
    return "INSERT INTO held_snack (snack_uid, order_id) SELECT u, o.id FROM "
        + order
        + " AS o, unnest(CAST(:heldUids AS text[])) AS u ORDER BY u"
        + " ON CONFLICT (snack_uid) DO NOTHING RETURNING snack_uid";
  }

  /** The snacks of {@code requested} that were not held: another order holds them. */
  static Set<String> taken(Collection<String> requested, Collection<String> held) {
    Set<String> taken = new HashSet<>(requested);
    held.forEach(taken::remove);
    return taken;
  }

  /** Releases every snack the order holds. */
  Mono<Void> release(long orderId) {
    return db.sql("DELETE FROM held_snack WHERE order_id = :orderId")
        .bind("orderId", orderId)
        .then();
  }
}
