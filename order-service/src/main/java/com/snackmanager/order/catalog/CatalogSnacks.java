package com.snackmanager.order.catalog;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code catalog_snack} projection. Each write carries the event's time and loses against a
 * newer one already applied, so replaying old events (or a dead letter handled late) cannot undo a
 * later change.
 */
@Repository
public class CatalogSnacks {

  static final String ACTIVE = "ACTIVE";
  static final String RETIRED = "RETIRED";

  private final DatabaseClient db;

  public CatalogSnacks(DatabaseClient db) {
    this.db = db;
  }

  /** Stores the whole snack as of {@code changedAt}, unless a newer version is stored. */
  Mono<Void> replace(CatalogSnack snack, Instant changedAt) {
    var spec =
        db.sql(
                """
                INSERT INTO catalog_snack (uid, name, image_url, price, currency, status, changed_at)
                VALUES (:uid, :name, :imageUrl, :price, :currency, :status, :changedAt)
                ON CONFLICT (uid) DO UPDATE SET name = EXCLUDED.name,
                  image_url = EXCLUDED.image_url, price = EXCLUDED.price,
                  currency = EXCLUDED.currency, status = EXCLUDED.status,
                  changed_at = EXCLUDED.changed_at
                WHERE catalog_snack.changed_at <= EXCLUDED.changed_at
                """)
            .bind("uid", snack.uid())
            .bind("name", snack.name())
            .bind("price", snack.price())
            .bind("currency", snack.currency())
            .bind("status", snack.retired() ? RETIRED : ACTIVE)
            .bind("changedAt", changedAt);
    spec =
        snack.imageUrl() == null
            ? spec.bindNull("imageUrl", String.class)
            : spec.bind("imageUrl", snack.imageUrl());
    return spec.then();
  }

  /**
   * Marks the snack retired as of {@code changedAt}.
   *
   * @return whether a stored snack changed (false for an unknown snack or a newer version)
   */
  Mono<Boolean> retire(String uid, Instant changedAt) {
    return db.sql(
            "UPDATE catalog_snack SET status = 'RETIRED', changed_at = :changedAt"
                + " WHERE uid = :uid AND changed_at <= :changedAt")
        .bind("uid", uid)
        .bind("changedAt", changedAt)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /** The known snacks among {@code uids}, by uid. */
  public Mono<Map<String, CatalogSnack>> findAll(Collection<String> uids) {
    return db.sql(
            "SELECT uid, name, image_url, price, currency, status FROM catalog_snack"
                + " WHERE uid = ANY(:uids)")
        .bind("uids", uids.toArray(new String[0]))
        .map(CatalogSnacks::snack)
        .all()
        .collect(Collectors.toMap(CatalogSnack::uid, Function.identity()));
  }

  static CatalogSnack snack(Readable row) {
    return new CatalogSnack(
        row.get("uid", String.class),
        row.get("name", String.class),
        row.get("image_url", String.class),
        row.get("price", BigDecimal.class),
        row.get("currency", String.class),
        RETIRED.equals(row.get("status", String.class)));
  }
}
