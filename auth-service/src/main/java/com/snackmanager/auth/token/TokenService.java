package com.snackmanager.auth.token;

import com.snackmanager.auth.member.Member;
import com.snackmanager.auth.member.Members;
import com.snackmanager.auth.member.PasswordHasher;
import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.defaults.security.TokenVersions;
import com.snackmanager.defaults.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Login, refresh-token rotation with reuse detection, and sign-out. */
@Service
public class TokenService {

  public static final String BAD_CREDENTIALS = "No active account found with the given credentials";
  public static final String INVALID_REFRESH = "Token is invalid or expired";
  public static final String TOO_MANY_ATTEMPTS =
      "Too many failed sign-in attempts; try again later.";
  public static final String NOT_YOUR_TOKEN = "This refresh token belongs to another member.";

  private static final Logger log = LoggerFactory.getLogger(TokenService.class);

  private final Members members;
  private final PasswordHasher hasher;
  private final TokenIssuer issuer;
  private final RefreshTokens refreshTokens;
  private final LoginThrottle throttle;
  private final TokenVersions revocations;
  private final Duration sessionLifetime;
  private final TransactionalOperator transaction;

  public TokenService(
      Members members,
      PasswordHasher hasher,
      TokenIssuer issuer,
      RefreshTokens refreshTokens,
      LoginThrottle throttle,
      TokenVersions revocations,
      TokenProperties properties,
      ReactiveTransactionManager transactions) {
    this.members = members;
    this.hasher = hasher;
    this.issuer = issuer;
    this.refreshTokens = refreshTokens;
    this.throttle = throttle;
    this.revocations = revocations;
    this.sessionLifetime = properties.sessionLifetime();
    this.transaction = TransactionalOperator.create(transactions);
  }

  /** Too many failed sign-ins (see {@link LoginThrottle}); carries when to try again. */
  public static final class Throttled extends ApiException {
    private final Duration retryAfter;

    Throttled(Duration retryAfter) {
      super(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /**
   * Checks the credentials and starts a new token family. A wrong email, a wrong password and a
   * resigned member get the same 401 after the same bcrypt work. Failures are throttled per
   * account, per account and address, and per address ({@link LoginThrottle}); the throttle is
   * asked before the password is checked, so a throttled attempt costs no bcrypt work.
   *
   * @param address the client's address ({@link ClientAddress})
   */
  public Mono<TokenPair> login(String email, String password, String address) {
    return throttle
        .begin(email, address)
        .flatMap(
            attempt ->
                checkCredentials(email, password)
                    .onErrorResume(error -> attempt.abandoned().then(Mono.error(error)))
                    .flatMap(
                        member ->
                            member.isPresent()
                                ? attempt.succeeded().then(startFamily(member.get()))
                                : attempt.failed().then(Mono.error(badCredentials()))));
  }

  /**
   * @return the active member with these credentials, or empty
   */
  private Mono<Optional<Member>> checkCredentials(String email, String password) {
    return members
        .findByEmail(email.trim())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            found ->
                hasher
                    .matches(password, found.map(Member::passwordHash).orElse(null))
                    .map(matched -> found.filter(member -> matched && !member.deleted())));
  }

  private Mono<TokenPair> startFamily(Member member) {
    return members
        .recordLogin(member.id())
        .switchIfEmpty(Mono.error(badCredentials()))
        // PostgreSQL keeps microseconds: the family's start as stored
        .flatMap(
            current ->
                issue(current, UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS)))
        .as(transaction::transactional);
  }

  /**
   * Signs a pair for the member (as read in this transaction) and stores the refresh token as one
   * of the family that began at {@code familyStartedAt}.
   */
  private Mono<TokenPair> issue(Member member, UUID familyId, Instant familyStartedAt) {
    TokenIssuer.Refresh refresh = issuer.refresh(member.id(), familyId);
    return refreshTokens
        .insert(refresh, familyStartedAt)
        .thenReturn(new TokenPair(issuer.access(member), refresh.token()));
  }

  /**
   * Exchanges a refresh token for a new pair of the same family. The new access token carries the
   * member's current type and token version. A token presented a second time means it was stolen or
   * leaked: its whole family is revoked and the request refused. A family older than the session
   * lifetime is refused too (the member signs in again); one unused for longer than the refresh
   * token's lifetime has no unexpired token left, which makes that lifetime the idle timeout.
   */
  public Mono<TokenPair> refresh(String token) {
    return Mono.fromCallable(() -> issuer.readRefresh(token, false))
        .onErrorMap(InvalidTokenException.class, e -> invalidRefresh())
        .flatMap(claims -> rotate(claims).switchIfEmpty(Mono.defer(() -> refuse(claims))));
  }

  /**
   * In one transaction: consumes the token (if still usable and its family within the session
   * lifetime) and issues the next of its family.
   *
   * @return the new pair, or empty if the token was not usable or its member has resigned
   */
  private Mono<TokenPair> rotate(TokenIssuer.RefreshClaims claims) {
    return refreshTokens
        .consume(claims.jti(), Instant.now().minus(sessionLifetime))
        .filter(stored -> stored.memberId() == claims.memberId())
        .flatMap(
            stored ->
                members
                    .findById(stored.memberId())
                    .filter(member -> !member.deleted())
                    .flatMap(member -> issue(member, stored.familyId(), stored.familyStartedAt())))
        .as(transaction::transactional);
  }

  /**
   * Refuses a refresh. A token that had already been used (a replay) takes its whole family down,
   * the newest token of the legitimate holder included.
   */
  private Mono<TokenPair> refuse(TokenIssuer.RefreshClaims claims) {
    return refreshTokens
        .find(claims.jti())
        .filter(stored -> stored.usedAt() != null)
        .flatMap(
            used -> {
              log.warn(
                  "Used refresh token {} of member {} presented again; revoking family {}",
                  used.jti(),
                  used.memberId(),
                  used.familyId());
              return refreshTokens.revokeFamily(used.familyId());
            })
        .then(Mono.error(invalidRefresh()));
  }

  /**
   * Signs the caller out: revokes the refresh token's family and the access token the call was made
   * with (everywhere within the token-version refresh, {@link TokenVersions#revoke}). Revoking an
   * already revoked or expired token of one's own succeeds too. If Redis cannot be written, the
   * family is revoked but the call fails, and calling again is harmless.
   */
  public Mono<Void> revoke(AuthenticatedMember caller, Jwt access, String token) {
    return Mono.fromCallable(() -> issuer.readRefresh(token, true))
        .onErrorMap(
            InvalidTokenException.class, e -> ApiException.invalidField("refresh", INVALID_REFRESH))
        .flatMap(
            claims ->
                claims.memberId() != caller.id()
                    ? Mono.error(ApiException.forbidden(NOT_YOUR_TOKEN))
                    : refreshTokens
                        .revokeFamily(claims.familyId())
                        .then(revocations.revoke(access.getId(), access.getExpiresAt())));
  }

  static ApiException badCredentials() {
    return new ApiException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
  }

  static ApiException invalidRefresh() {
    return new ApiException(HttpStatus.UNAUTHORIZED, INVALID_REFRESH);
  }
}
