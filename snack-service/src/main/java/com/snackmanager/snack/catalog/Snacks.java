package com.snackmanager.snack.catalog;

import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.defaults.web.SqlFilter;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code snack} table. */
@Repository
public class Snacks {

  static final String COLUMNS =
      "id, uid, name, name_key, url, description, currency, price, status, has_image,"
          + " like_reaction_count, hate_reaction_count, like_ratio, version, registered_by,"
          + " created_at, updated_at";

  private final DatabaseClient db;

  public Snacks(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Inserts an ACTIVE snack unless its name (by {@link SnackName#key()}) or its uid is taken. The
   * unique constraints decide between concurrent registrations: exactly one of them gets the row,
   * the others wait for it and then insert nothing.
   *
   * @return the new snack, or empty if the name or the uid was taken (nothing is written then)
   */
  public Mono<Snack> insertIfFree(
      String uid, SnackState state, boolean hasImage, long registeredBy) {
    return bindState(
            db.sql(
                "INSERT INTO snack (uid, name, name_key, url, description, currency, price,"
                    + " status, has_image, registered_by) VALUES (:uid, :name, :nameKey, :url,"
                    + " :desc, :currency, :price, :status, :hasImage, :registeredBy)"
                    + " ON CONFLICT DO NOTHING RETURNING "
                    + COLUMNS),
            state)
        .bind("uid", uid)
        .bind("hasImage", hasImage)
        .bind("registeredBy", registeredBy)
        .map(Snacks::snack)
        .one();
  }

  public Mono<Boolean> nameTaken(String nameKey) {
    return db.sql("SELECT EXISTS (SELECT 1 FROM snack WHERE name_key = :key) AS taken")
        .bind("key", nameKey)
        .map(row -> row.get("taken", Boolean.class))
        .one();
  }

  public Mono<Snack> findByUid(String uid) {
    return db.sql("SELECT " + COLUMNS + " FROM snack WHERE uid = :uid")
        .bind("uid", uid)
        .map(Snacks::snack)
        .one();
  }

  public Mono<Snack> findById(long id) {
    return db.sql("SELECT " + COLUMNS + " FROM snack WHERE id = :id")
        .bind("id", id)
        .map(Snacks::snack)
        .one();
  }

  /**
   * Writes an edit if the snack is still at {@code version} (optimistic lock), raising the version.
   * A concurrent edit that committed first makes this one match no row. A name taken meanwhile
   * fails with a {@link org.springframework.dao.DuplicateKeyException}.
   *
   * @return the edited snack, or empty if the snack changed since {@code version} was read
   */
  public Mono<Snack> update(long id, long version, SnackState state) {
    return bindState(
            db.sql(
                "UPDATE snack SET name = :name, name_key = :nameKey, url = :url,"
                    + " description = :desc, currency = :currency, price = :price,"
                    + " status = :status, version = version + 1, updated_at = now()"
                    + " WHERE id = :id AND version = :version RETURNING "
                    + COLUMNS),
            state)
        .bind("id", id)
        .bind("version", version)
        .map(Snacks::snack)
        .one();
  }

  /** Binds the columns an insert and an edit write from {@code state}. */
  private static DatabaseClient.GenericExecuteSpec bindState(
      DatabaseClient.GenericExecuteSpec spec, SnackState state) {
    return spec.bind("name", state.name().display())
        .bind("nameKey", state.name().key())
        .bind("url", state.url())
        .bind("desc", state.desc())
        .bind("currency", state.currency().name())
        .bind("price", state.price())
        .bind("status", state.status().name());
  }

  public Mono<Long> count(SnackFilter filter) {
    SqlFilter where = where(filter);
    return where
        .bindTo(db.sql("SELECT count(*) AS total FROM snack" + where.sql()))
        .map(row -> row.get("total", Long.class))
        .one();
  }

  public Flux<Snack> page(SnackFilter filter, List<Ordering.Key> ordering, PageQuery page) {
    return where(filter)
        .bindTo(db.sql(pageSql(filter, ordering)))
        .bind("limit", page.pageSize())
        .bind("offset", page.offset())
        .map(Snacks::snack)
        .all();
  }

  /**
   * The SQL of a list page: a deferred join. The inner query walks the index of the requested order
   * (which holds the sort keys and the id) past the offset and picks the page's ids; only those
   * rows are then read. So even a deep page is an index scan, never a sort of the whole table.
   */
  public static String pageSql(SnackFilter filter, List<Ordering.Key> ordering) {
    String orderBy = SnackOrdering.orderBy(ordering);
    return "SELECT "
        + COLUMNS
        + " FROM snack JOIN (SELECT id AS page_id FROM snack"
        + where(filter).sql()
        + " ORDER BY "
        + orderBy
        + " LIMIT :limit OFFSET :offset) page ON snack.id = page.page_id ORDER BY "
        + orderBy;
  }

  private static SqlFilter where(SnackFilter filter) {
    String search = filter.search();
    return new SqlFilter()
        .and("uid = :uid", "uid", filter.uid())
        .and("status = :status", "status", filter.status() == null ? null : filter.status().name())
        .and(
            "name_key LIKE :search ESCAPE '\\'",
            "search",
            SqlFilter.containing(search == null ? null : SnackName.key(search)));
  }

  static Snack snack(Readable row) {
    Currency currency = Currency.valueOf(row.get("currency", String.class));
    SnackState state =
        new SnackState(
            new SnackName(row.get("name", String.class), row.get("name_key", String.class)),
            row.get("url", String.class),
            row.get("description", String.class),
            currency,
            currency.scaled(row.get("price", BigDecimal.class)),
            SnackStatus.valueOf(row.get("status", String.class)));
    return new Snack(
        row.get("id", Long.class),
        row.get("uid", String.class),
        state,
        Boolean.TRUE.equals(row.get("has_image", Boolean.class)),
        row.get("like_reaction_count", Long.class),
        row.get("hate_reaction_count", Long.class),
        row.get("like_ratio", BigDecimal.class),
        row.get("version", Long.class),
        row.get("registered_by", Long.class),
        row.get("created_at", OffsetDateTime.class).toInstant(),
        row.get("updated_at", OffsetDateTime.class).toInstant());
  }
}
