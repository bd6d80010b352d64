package com.snackmanager.auth.member;

import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.events.outbox.OutboxWriter;
import com.snackmanager.events.users.UserRegistered;
import com.snackmanager.events.users.UserResigned;
import com.snackmanager.events.users.UserRoleChanged;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Member use cases. Every change is one transaction together with its outbox event; a change that
 * revokes tokens publishes the new token version after the commit.
 */
@Service
public class MemberService {

  static final String NOT_FOUND = "Member not found.";

  private final Members members;
  private final SignUpRules signUpRules;
  private final PasswordHasher hasher;
  private final OutboxWriter outbox;
  private final TokenRevocations revocations;
  private final MemberSessions sessions;
  private final TransactionalOperator transaction;

  public MemberService(
      Members members,
      SignUpRules signUpRules,
      PasswordHasher hasher,
      OutboxWriter outbox,
      TokenRevocations revocations,
      MemberSessions sessions,
      ReactiveTransactionManager transactions) {
    this.members = members;
    this.signUpRules = signUpRules;
    this.hasher = hasher;
    this.outbox = outbox;
    this.revocations = revocations;
    this.sessions = sessions;
    this.transaction = TransactionalOperator.create(transactions);
  }

  /** Registers a new MEMBER; an email in use (or once used by a resigned member) is a 400. */
  public Mono<Member> signUp(SignUpRequest request) {
    return Mono.fromCallable(() -> signUpRules.check(request))
        .flatMap(
            valid ->
                // the cheap check first, so a taken email costs no bcrypt work
                members
                    .findByEmail(valid.email())
                    .flatMap(taken -> Mono.<Member>error(SignUpRules.emailUnavailable(taken)))
                    .switchIfEmpty(
                        hasher
                            .hash(valid.password())
                            .flatMap(
                                hash ->
                                    register(valid.email(), hash, valid.name(), MemberType.MEMBER))
                            // lost a race with a concurrent sign-up of the same email
                            .switchIfEmpty(
                                members
                                    .findByEmail(valid.email())
                                    .map(SignUpRules::emailUnavailable)
                                    .flatMap(Mono::error))));
  }

  /**
   * Inserts a member and its {@link UserRegistered} event in one transaction.
   *
   * @return the member, or empty if the email was taken (nothing is written then)
   */
  Mono<Member> register(String email, String passwordHash, String name, MemberType type) {
    return members
        .insertIfEmailFree(email, passwordHash, name, type)
        .flatMap(
            member ->
                outbox
                    .append(
                        new UserRegistered(
                            member.id(),
                            member.email(),
                            member.name(),
                            member.memberType().name(),
                            member.dateJoined()))
                    .thenReturn(member))
        .as(transaction::transactional);
  }

  /** The caller's own member record; a resigned or unknown member is not authenticated. */
  public Mono<Member> profile(AuthenticatedMember caller) {
    return members
        .findById(caller.id())
        .filter(member -> !member.deleted())
        .switchIfEmpty(Mono.error(MemberErrors.notAuthenticated()));
  }

  public Mono<Member> find(long id) {
    return members.findById(id).switchIfEmpty(Mono.error(ApiException.notFound(NOT_FOUND)));
  }

  /** One page of members, with the total count for the paging headers. */
  public Mono<Page> list(Members.Filter filter, List<Ordering.Key> ordering, PageQuery page) {
    return Mono.zip(members.count(filter), members.page(filter, ordering, page).collectList())
        .map(result -> new Page(result.getT2(), result.getT1()));
  }

  /** A page of the member list and how many members match in all. */
  public record Page(List<Member> members, long total) {}

  /**
   * Sets a member's type. Demoting the last active admin is a 400; setting the type a member
   * already has changes nothing. A real change raises the member's token version, so tokens
   * carrying the old type stop working at once.
   */
  public Mono<Member> changeRole(AuthenticatedMember admin, long memberId, MemberType newType) {
    return members
        .lockActiveAdmins()
        .flatMap(
            admins ->
                members
                    .lockById(memberId)
                    .switchIfEmpty(Mono.error(ApiException.notFound(NOT_FOUND)))
                    .flatMap(
                        target ->
                            AdminRules.checkRoleChange(target, newType, admins)
                                ? applyRoleChange(admin, target, newType)
                                : Mono.just(new Change(target, false))))
        .as(transaction::transactional)
        .flatMap(
            change ->
                change.revoked()
                    ? revocations.publish(change.member()).thenReturn(change.member())
                    : Mono.just(change.member()));
  }

  private Mono<Change> applyRoleChange(
      AuthenticatedMember admin, Member target, MemberType newType) {
    return members
        .changeType(target.id(), newType)
        .flatMap(
            changed ->
                outbox
                    .append(
                        new UserRoleChanged(
                            changed.id(),
                            target.memberType().name(),
                            changed.memberType().name(),
                            admin.id(),
                            Instant.now()))
                    .thenReturn(new Change(changed, true)));
  }

  /**
   * Resigns the caller: a soft delete that keeps the row (and reserves the email), revokes every
   * token of theirs and publishes {@link UserResigned}. The last active admin cannot resign.
   */
  public Mono<Member> resign(AuthenticatedMember caller) {
    return members
        .lockActiveAdmins()
        .flatMap(
            admins ->
                members
                    .lockById(caller.id())
                    .filter(member -> !member.deleted())
                    .switchIfEmpty(Mono.error(MemberErrors.notAuthenticated()))
                    .flatMap(
                        member -> {
                          AdminRules.checkResignation(member, admins);
                          return members.resign(member.id());
                        }))
        .flatMap(
            resigned ->
                sessions
                    .endAll(resigned.id())
                    .then(
                        outbox.append(
                            new UserResigned(
                                resigned.id(), resigned.email(), resigned.deletedAt())))
                    .thenReturn(resigned))
        .as(transaction::transactional)
        .flatMap(resigned -> revocations.publish(resigned).thenReturn(resigned));
  }

  /** Every member with revoked tokens, for the reconciler. */
  Flux<Members.TokenVersion> revokedTokenVersions() {
    return members.revokedTokenVersions();
  }

  private record Change(Member member, boolean revoked) {}
}
