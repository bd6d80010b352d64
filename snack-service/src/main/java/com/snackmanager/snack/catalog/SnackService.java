package com.snackmanager.snack.catalog;

import com.snackmanager.defaults.cache.EncodedPage;
import com.snackmanager.defaults.idempotency.IdempotencyKey;
import com.snackmanager.defaults.idempotency.IdempotentRequests;
import com.snackmanager.defaults.idempotency.StoredResponse;
import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.catalog.SnackRetired;
import com.snackmanager.events.catalog.SnackUpdated;
import com.snackmanager.events.outbox.OutboxWriter;
import com.snackmanager.snack.image.SnackImages;
import com.snackmanager.snack.image.UploadedImage;
import com.snackmanager.snack.web.SnackInput;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snack use cases. Each change is one transaction with its {@code snack.catalog.v1} outbox event
 * (and, for a registration, its picture and its {@code Idempotency-Key}).
 */
@Service
public class SnackService {

  static final String NOT_FOUND = "Snack not found.";
  static final String CONCURRENT_EDIT =
      "The snack was changed by another request at the same time; reload it and try again.";

  private final Snacks snacks;
  private final SnackImages images;
  private final ReactionCounts counts;
  private final OutboxWriter outbox;
  private final IdempotentRequests idempotent;
  private final JsonMapper json;
  private final TransactionalOperator transaction;
  private final SnackListCache lists;

  public SnackService(
      Snacks snacks,
      SnackImages images,
      ReactionCounts counts,
      OutboxWriter outbox,
      IdempotentRequests idempotent,
      JsonMapper json,
      ReactiveTransactionManager transactions,
      SnackListCache lists) {
    this.snacks = snacks;
    this.images = images;
    this.counts = counts;
    this.outbox = outbox;
    this.idempotent = idempotent;
    this.json = json;
    this.transaction = TransactionalOperator.create(transactions);
    this.lists = lists;
  }

  /**
   * Registers a snack for {@code caller}: a 201 response with the snack, or (with an {@code
   * Idempotency-Key} already used for the same request) the first request's response. A taken name
   * is a 400.
   *
   * @param image the checked picture, or {@code null}
   * @param key the request's {@code Idempotency-Key}, or {@code null}
   */
  public Mono<StoredResponse> register(
      AuthenticatedMember caller, SnackState state, UploadedImage image, IdempotencyKey key) {
    Supplier<Mono<StoredResponse>> work =
        () -> create(SnackUids::next, state, image, caller.id()).map(this::created);
    Mono<StoredResponse> once =
        key == null
            ? Mono.defer(work)
            : idempotent.once(caller.id(), key, requestHash(state, image), work);
    return once.as(transaction::transactional).doOnSuccess(committed -> lists.invalidate());
  }

  /**
   * Registers a snack unless its name is taken, for start-up data.
   *
   * @return the snack, or empty if one with that name exists
   */
  public Mono<Snack> registerIfNameFree(long memberId, SnackState state, UploadedImage image) {
    return create(SnackUids::next, state, image, memberId)
        .as(transaction::transactional)
        .doOnSuccess(committed -> lists.invalidate())
        .onErrorResume(DuplicateNameException.class, taken -> Mono.empty());
  }

  /**
   * Inserts the snack, its picture and its event; runs in the caller's transaction. A name taken
   * (now or by a concurrent registration) is a 400; a uid that happens to be taken is drawn again.
   */
  Mono<Snack> create(
      Supplier<String> uids, SnackState state, UploadedImage image, long registeredBy) {
    return Mono.defer(
            () ->
                snacks
                    .insertIfFree(uids.get(), state, image != null, registeredBy)
                    .switchIfEmpty(
                        Mono.defer(
                            () ->
                                snacks
                                    .nameTaken(state.name().key())
                                    .flatMap(
                                        taken ->
                                            Mono.error(taken ? duplicateName() : new UidTaken())))))
        .retryWhen(Retry.max(5).filter(UidTaken.class::isInstance))
        .flatMap(
            snack ->
                (image == null ? Mono.<Void>empty() : images.insert(snack.id(), image))
                    .then(counts.adoptPending(snack.uid()))
                    .flatMap(adopted -> adopted ? snacks.findById(snack.id()) : Mono.just(snack)))
        .flatMap(snack -> outbox.append(registered(snack)).thenReturn(snack));
  }

  public Mono<Snack> find(String uid) {
    if (!SnackUids.isWellFormed(uid)) {
      return Mono.error(ApiException.notFound(NOT_FOUND));
    }
    return snacks.findByUid(uid).switchIfEmpty(Mono.error(() -> ApiException.notFound(NOT_FOUND)));
  }

  /** Whether a snack with {@code uid} exists. */
  public Mono<Boolean> exists(String uid) {
    return SnackUids.isWellFormed(uid) ? snacks.findByUid(uid).hasElement() : Mono.just(false);
  }

  /** One page of the list as it is sent (JSON), with the total count for the paging headers. */
  public Mono<EncodedPage> list(SnackFilter filter, List<Ordering.Key> ordering, PageQuery page) {
    if (filter.uid() != null && !SnackUids.isWellFormed(filter.uid())) {
      return Mono.fromSupplier(() -> lists.encode(List.of(), 0));
    }
    return lists.get(
        filter,
        ordering,
        page,
        () ->
            Mono.zip(snacks.count(filter), snacks.page(filter, ordering, page).collectList())
                .map(result -> new Page(result.getT2(), result.getT1())));
  }

  /** A page of the snack list and how many snacks match in all. */
  public record Page(List<Snack> snacks, long total) {}

  /**
   * An admin's edit. Changes nothing (and publishes nothing) if the fields are as they were;
   * otherwise writes the snack if no other edit committed since it was read (a 409 if one did) and
   * publishes {@link SnackUpdated}, plus {@link SnackRetired} when the snack is being retired.
   */
  public Mono<Snack> edit(AuthenticatedMember admin, String uid, SnackInput input) {
    return find(uid)
        .flatMap(
            current -> {
              SnackEdit edit = SnackRules.edit(current.state(), input);
              if (!edit.changed()) {
                return Mono.just(current);
              }
              return snacks
                  .update(current.id(), current.version(), edit.state())
                  .switchIfEmpty(Mono.error(() -> ApiException.conflict(CONCURRENT_EDIT)))
                  .onErrorMap(DuplicateKeyException.class, e -> duplicateName())
                  .flatMap(
                      updated ->
                          outbox
                              .append(updated(updated, admin.id()))
                              .then(
                                  edit.retired()
                                      ? outbox.append(
                                          new SnackRetired(
                                              updated.uid(), admin.id(), updated.updatedAt()))
                                      : Mono.empty())
                              .thenReturn(updated));
            })
        .as(transaction::transactional)
        .doOnSuccess(committed -> lists.invalidate());
  }

  private StoredResponse created(Snack snack) {
    return StoredResponse.of(
        HttpStatus.CREATED.value(),
        json.writeValueAsString(SnackView.of(snack)),
        "/snacks/" + snack.uid());
  }

  static ApiException duplicateName() {
    return new DuplicateNameException();
  }

  private static SnackRegistered registered(Snack snack) {
    SnackState state = snack.state();
    return new SnackRegistered(
        snack.uid(),
        state.name().display(),
        state.url(),
        state.desc(),
        snack.imageUrl(),
        state.currency().name(),
        state.price(),
        state.status().name(),
        snack.registeredBy(),
        snack.createdAt());
  }

  private static SnackUpdated updated(Snack snack, long by) {
    SnackState state = snack.state();
    return new SnackUpdated(
        snack.uid(),
        state.name().display(),
        state.url(),
        state.desc(),
        snack.imageUrl(),
        state.currency().name(),
        state.price(),
        state.status().name(),
        by,
        snack.updatedAt());
  }

  /**
   * What makes two registrations "the same request" for {@code Idempotency-Key}: the checked fields
   * and the picture's digest (not the raw bytes: a multipart boundary differs on every retry).
   */
  static String requestHash(SnackState state, UploadedImage image) {
    String canonical =
        String.join(
            "\u0000",
            state.name().display(),
            state.url(),
            state.desc(),
            state.currency().name(),
            state.price().toPlainString(),
            image == null ? "" : image.sha256());
    return IdempotentRequests.fingerprint(canonical);
  }

  /** A freshly drawn uid that another snack has; drawn again. */
  private static final class UidTaken extends RuntimeException {
    UidTaken() {
      super("snack uid taken", null, false, false);
    }
  }
}
