package com.snackmanager.auth.member;

import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.defaults.web.SqlFilter;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code member} table. Methods that lock rows must run inside a transaction. */
@Repository
public class Members {

  /** The fields the member list can be ordered by, and their columns. */
  static final Map<String, String> ORDER_COLUMNS =
      Map.of(
          "id", "id",
          "email", "lower(email)",
          "name", "name",
          "member_type", "member_type",
          "date_joined", "date_joined",
          "last_login", "last_login");

  static final List<Ordering.Key> DEFAULT_ORDER = List.of(new Ordering.Key("id", false));

  private static final String COLUMNS =
      "id, email, password_hash, name, member_type, date_joined, last_login, is_deleted,"
          + " deleted_at, token_version";

  private final DatabaseClient db;

  public Members(DatabaseClient db) {
    this.db = db;
  }

  /** A member's current token version, for re-publishing it. */
  public record TokenVersion(long memberId, long version) {}

  /** The admin list's filters; {@code null} means "any". */
  public record Filter(MemberType memberType, Boolean deleted, String search) {}

  public Mono<Member> findById(long id) {
    return db.sql("SELECT " + COLUMNS + " FROM member WHERE id = :id")
        .bind("id", id)
        .map(Members::member)
        .one();
  }

  /** The member whose email matches case-insensitively, resigned or not. */
  public Mono<Member> findByEmail(String email) {
    return db.sql("SELECT " + COLUMNS + " FROM member WHERE lower(email) = lower(:email)")
        .bind("email", email)
        .map(Members::member)
        .one();
  }

  /**
   * Inserts a member unless the email (case-insensitively) is taken; the unique index decides
   * between concurrent sign-ups, so exactly one of them gets a row.
   *
   * @return the new member, or empty when the email was taken
   */
  public Mono<Member> insertIfEmailFree(
      String email, String passwordHash, String name, MemberType type) {
    return db.sql(
            "INSERT INTO member (email, password_hash, name, member_type)"
                + " VALUES (:email, :hash, :name, :type)"
                + " ON CONFLICT ((lower(email))) DO NOTHING RETURNING "
                + COLUMNS)
        .bind("email", email)
        .bind("hash", passwordHash)
        .bind("name", name)
        .bind("type", type.name())
        .map(Members::member)
        .one();
  }

  /**
   * Locks the rows of every active admin, always in id order (so concurrent callers cannot
   * deadlock), and returns their ids. Changes that could leave the suite without an admin take this
   * lock first; a row demoted or resigned meanwhile by a transaction that held it is left out.
   */
  public Mono<List<Long>> lockActiveAdmins() {
    return db.sql(
            "SELECT id FROM member WHERE member_type = 'ADMIN' AND NOT is_deleted"
                + " ORDER BY id FOR UPDATE")
        .map(row -> row.get("id", Long.class))
        .all()
        .collectList();
  }

  public Mono<Member> lockById(long id) {
    return db.sql("SELECT " + COLUMNS + " FROM member WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .map(Members::member)
        .one();
  }

  /** Sets the type and raises the token version, so tokens with the old type stop working. */
  public Mono<Member> changeType(long id, MemberType type) {
    return db.sql(
            "UPDATE member SET member_type = :type, token_version = token_version + 1"
                + " WHERE id = :id RETURNING "
                + COLUMNS)
        .bind("type", type.name())
        .bind("id", id)
        .map(Members::member)
        .one();
  }

  /** Marks the member resigned and raises the token version, so their tokens stop working. */
  public Mono<Member> resign(long id) {
    return db.sql(
            "UPDATE member SET is_deleted = true, deleted_at = now(),"
                + " token_version = token_version + 1 WHERE id = :id AND NOT is_deleted RETURNING "
                + COLUMNS)
        .bind("id", id)
        .map(Members::member)
        .one();
  }

  /**
   * Records a successful login.
   *
   * @return the member as of now, or empty if they resigned meanwhile
   */
  public Mono<Member> recordLogin(long id) {
    return db.sql(
            "UPDATE member SET last_login = now() WHERE id = :id AND NOT is_deleted RETURNING "
                + COLUMNS)
        .bind("id", id)
        .map(Members::member)
        .one();
  }

  /** Every member whose older tokens are revoked (token version above 0). */
  public Flux<TokenVersion> revokedTokenVersions() {
    return db.sql("SELECT id, token_version FROM member WHERE token_version > 0")
        .map(
            row ->
                new TokenVersion(row.get("id", Long.class), row.get("token_version", Long.class)))
        .all();
  }

  public Mono<Long> count(Filter filter) {
    SqlFilter where = where(filter);
    return where
        .bindTo(db.sql("SELECT count(*) AS total FROM member" + where.sql()))
        .map(row -> row.get("total", Long.class))
        .one();
  }

  public Flux<Member> page(Filter filter, List<Ordering.Key> ordering, PageQuery page) {
    SqlFilter where = where(filter);
    StringBuilder order = new StringBuilder(" ORDER BY ");
    for (Ordering.Key key : ordering) {
      order.append(ORDER_COLUMNS.get(key.field())).append(key.descending() ? " DESC, " : ", ");
    }
    order.append("id");
    return where
        .bindTo(
            db.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM member"
                    + where.sql()
                    + order
                    + " LIMIT :limit OFFSET :offset"))
        .bind("limit", page.pageSize())
        .bind("offset", page.offset())
        .map(Members::member)
        .all();
  }

  static Set<String> orderingFields() {
    return ORDER_COLUMNS.keySet();
  }

  private static SqlFilter where(Filter filter) {
    return new SqlFilter()
        .and(
            "member_type = :type",
            "type",
            filter.memberType() == null ? null : filter.memberType().name())
        .and("is_deleted = :deleted", "deleted", filter.deleted())
        .and(
            "(email ILIKE :search ESCAPE '\\' OR name ILIKE :search ESCAPE '\\')",
            "search",
            SqlFilter.containing(filter.search() == null ? null : filter.search().trim()));
  }

  private static Member member(Readable row) {
    return new Member(
        row.get("id", Long.class),
        row.get("email", String.class),
        row.get("password_hash", String.class),
        row.get("name", String.class),
        MemberType.valueOf(row.get("member_type", String.class)),
        instant(row.get("date_joined", OffsetDateTime.class)),
        instant(row.get("last_login", OffsetDateTime.class)),
        Boolean.TRUE.equals(row.get("is_deleted", Boolean.class)),
        instant(row.get("deleted_at", OffsetDateTime.class)),
        row.get("token_version", Long.class));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
