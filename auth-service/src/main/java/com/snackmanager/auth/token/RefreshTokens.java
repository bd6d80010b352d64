package com.snackmanager.auth.token;

import com.snackmanager.auth.member.MemberSessions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code refresh_token} table: every refresh token issued, and what became of it. */
@Repository
public class RefreshTokens implements MemberSessions {

  private static final String COLUMNS =
      "jti, family_id, member_id, family_started_at, used_at, revoked_at";

  private final DatabaseClient db;

  public RefreshTokens(DatabaseClient db) {
    this.db = db;
  }

  /** What is stored about a refresh token. */
  public record Stored(
      UUID jti,
      UUID familyId,
      long memberId,
      Instant familyStartedAt,
      Instant usedAt,
      Instant revokedAt) {}

  /** Stores a token minted for a family that began (signed in) at {@code familyStartedAt}. */
  public Mono<Void> insert(TokenIssuer.Refresh refresh, Instant familyStartedAt) {
    return db.sql(
            "INSERT INTO refresh_token (jti, family_id, member_id, expires_at, family_started_at)"
                + " VALUES (:jti, :family, :member, :expires, :started)")
        .bind("jti", refresh.jti())
        .bind("family", refresh.familyId())
        .bind("member", refresh.memberId())
        .bind("expires", OffsetDateTime.ofInstant(refresh.expiresAt(), ZoneOffset.UTC))
        .bind("started", OffsetDateTime.ofInstant(familyStartedAt, ZoneOffset.UTC))
        .then();
  }

  /**
   * Marks the token used, if it is still usable (unused, unrevoked, unexpired, and of a family that
   * began after {@code familyStartedAfter}). Atomic: of two concurrent calls for one token, exactly
   * one gets it.
   *
   * @return the token, or empty if it could not be used
   */
  public Mono<Stored> consume(UUID jti, Instant familyStartedAfter) {
    return db.sql(
            "UPDATE refresh_token SET used_at = now()"
                + " WHERE jti = :jti AND used_at IS NULL AND revoked_at IS NULL"
                + " AND expires_at > now() AND family_started_at > :startedAfter"
                + " RETURNING "
                + COLUMNS)
        .bind("jti", jti)
        .bind("startedAfter", OffsetDateTime.ofInstant(familyStartedAfter, ZoneOffset.UTC))
        .map(RefreshTokens::stored)
        .one();
  }

  public Mono<Stored> find(UUID jti) {
    return db.sql("SELECT " + COLUMNS + " FROM refresh_token" + " WHERE jti = :jti")
        .bind("jti", jti)
        .map(RefreshTokens::stored)
        .one();
  }

  /** Revokes every token of the family (a sign-out, or a detected reuse). */
  public Mono<Long> revokeFamily(UUID familyId) {
    return db.sql(
            "UPDATE refresh_token SET revoked_at = now()"
                + " WHERE family_id = :family AND revoked_at IS NULL")
        .bind("family", familyId)
        .fetch()
        .rowsUpdated();
  }

  @Override
  public Mono<Void> endAll(long memberId) {
    return db.sql(
            "UPDATE refresh_token SET revoked_at = now()"
                + " WHERE member_id = :member AND revoked_at IS NULL")
        .bind("member", memberId)
        .then();
  }

  /** Deletes tokens that expired before {@code before}; they can no longer be presented. */
  public Mono<Long> purgeExpired(Instant before) {
    return db.sql("DELETE FROM refresh_token WHERE expires_at < :before")
        .bind("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
        .fetch()
        .rowsUpdated();
  }

  private static Stored stored(io.r2dbc.spi.Readable row) {
    return new Stored(
        row.get("jti", UUID.class),
        row.get("family_id", UUID.class),
        row.get("member_id", Long.class),
        instant(row.get("family_started_at", OffsetDateTime.class)),
        instant(row.get("used_at", OffsetDateTime.class)),
        instant(row.get("revoked_at", OffsetDateTime.class)));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
