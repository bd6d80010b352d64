package com.snackmanager.order.orders;

import com.snackmanager.defaults.cache.EncodedPage;
import com.snackmanager.defaults.cache.ReadCache;
import com.snackmanager.defaults.idempotency.IdempotencyKey;
import com.snackmanager.defaults.idempotency.IdempotentRequests;
import com.snackmanager.defaults.idempotency.StoredResponse;
import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.events.orders.OrderLine;
import com.snackmanager.events.orders.OrderPlaced;
import com.snackmanager.events.orders.OrderRevised;
import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.events.orders.OrderStatusChanged;
import com.snackmanager.events.outbox.OutboxWriter;
import com.snackmanager.order.catalog.CatalogReadThrough;
import com.snackmanager.order.catalog.CatalogSnack;
import com.snackmanager.order.catalog.CatalogSnacks;
import com.snackmanager.order.reaction.ReactionCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order use cases. Each change is one transaction: the order, its purchases, the snacks it holds,
 * its history and its outbox event commit together or not at all.
 */
@Service
public class OrderService {

  static final String NOT_FOUND = "Order not found.";
  static final String SNACK_HELD = "You cannot order when not delivered snack is in your order.";
  static final String HELD_FIELD = "This snack is in an order that has not been delivered yet.";
  static final String CONFLICT =
      "The order was changed by another request at the same time; reload and try again.";

  private final Orders orders;
  private final HeldSnacks heldSnacks;
  private final CatalogSnacks catalog;
  private final CatalogReadThrough catalogReadThrough;
  private final ReactionCounts reactions;
  private final IdempotentRequests idempotent;
  private final OutboxWriter outbox;
  private final TransactionalOperator transaction;
  private final Clock clock;
  private final ZoneId businessZone;
  private final JsonMapper json;

  /**
   * Pages of the order list (with their total) for {@code snack.lists.cache-ttl} (1 s): the board
   * is read far more often than written, and an exact count of many orders costs more than the
   * page. Kept as the JSON they are sent as, so a repeated page costs no serialization either.
   * Dropped after every committed placement, revision and transition of this process.
   */
  private final ReadCache<ListKey, EncodedPage> lists;

  private final EncodedPage.Encoder<OrderSummary> listEncoder;

  private record ListKey(OrderFilter filter, List<Ordering.Key> ordering, PageQuery page) {}

  public OrderService(
      Orders orders,
      HeldSnacks heldSnacks,
      CatalogSnacks catalog,
      CatalogReadThrough catalogReadThrough,
      ReactionCounts reactions,
      IdempotentRequests idempotent,
      OutboxWriter outbox,
      ReactiveTransactionManager transactions,
      Clock clock,
      ZoneId businessZone,
      JsonMapper json,
      @Value("${snack.lists.cache-ttl:1s}") Duration listCacheTtl) {
    this.orders = orders;
    this.heldSnacks = heldSnacks;
    this.catalog = catalog;
    this.catalogReadThrough = catalogReadThrough;
    this.reactions = reactions;
    this.idempotent = idempotent;
    this.outbox = outbox;
    this.transaction = TransactionalOperator.create(transactions);
    this.clock = clock;
    this.businessZone = businessZone;
    this.json = json;
    this.lists = new ReadCache<>(listCacheTtl, 1_000);
    this.listEncoder = new EncodedPage.Encoder<>(json, OrderSummary.class);
  }

  /** What {@link #place} answers: a new order, or the replayed first response of its key. */
  public sealed interface Placement {}

  public record Placed(OrderDetail order) implements Placement {}

  /**
   * The answer to a request with an {@code Idempotency-Key}: the new order's response as stored, or
   * the first request's response replayed.
   */
  public record Keyed(StoredResponse response) implements Placement {}

  /**
   * Places an order for the member, with the unit prices and currencies of the catalog now.
   *
   * @param idempotencyKey the checked {@code Idempotency-Key}, or null
   */
  public Mono<Placement> place(
      AuthenticatedMember member, OrderRequest request, IdempotencyKey idempotencyKey) {
    return Mono.defer(
        () -> {
          List<Purchase> purchases = PurchaseRules.check(request);
          Instant now = now();
          Mono<OrderDetail> create = create(member, purchases, now);
          Mono<Placement> placement =
              idempotencyKey == null
                  ? create.map(Placed::new)
                  : placeOnce(member, idempotencyKey, purchases, create);
          return placement
              .as(transaction::transactional)
              .onErrorMap(OrderService::concurrency)
              .doOnSuccess(committed -> lists.invalidateAll());
        });
  }

  /** Runs {@code create} only for a new key, keeping its response; replays it for a repeat. */
  private Mono<Placement> placeOnce(
      AuthenticatedMember member,
      IdempotencyKey key,
      List<Purchase> purchases,
      Mono<OrderDetail> create) {
    return idempotent
        .once(
            member.id(),
            key,
            fingerprint(purchases),
            () ->
                create.map(
                    order ->
                        StoredResponse.of(
                            HttpStatus.CREATED.value(),
                            json.writeValueAsString(order),
                            "/orders/" + order.uid())))
        .map(Keyed::new);
  }

  /**
   * The order priced, then written with everything it holds and its event by one statement ({@link
   * Orders#place}); if another order holds one of its snacks, the error rolls it all back.
   */
  private Mono<OrderDetail> create(
      AuthenticatedMember member, List<Purchase> purchases, Instant now) {
    return priced(purchases)
        .flatMap(
            priced -> {
              String uid = OrderUids.next();
              String email = Objects.requireNonNullElse(member.email(), "");
              OrderPlaced placed =
                  new OrderPlaced(
                      uid, member.id(), email, OrderStatus.CREATED.name(), priced.lines(), now);
              return outbox
                  .prepare(placed)
                  .flatMap(
                      event ->
                          orders.place(
                              uid,
                              member.id(),
                              email,
                              now,
                              BusinessDate.of(now, businessZone),
                              priced.lines(),
                              event))
                  .flatMap(
                      placement ->
                          placement.taken().isEmpty()
                              ? Mono.just(
                                  OrderDetail.of(
                                      placement.order(), priced.lines(), priced.catalog()))
                              : Mono.error(held(priced.lines(), placement.taken())));
            });
  }

  /**
   * Replaces the purchases of a {@code CREATED} order (owner or admin), re-pricing them from the
   * catalog now.
   */
  public Mono<OrderDetail> revise(AuthenticatedMember member, String uid, OrderRequest request) {
    Mono<OrderDetail> revise =
        find(uid)
            .flatMap(
                order -> {
                  checkEditable(member, order);
                  List<Purchase> purchases = PurchaseRules.check(request);
                  Instant now = now();
                  return priced(purchases)
                      .flatMap(
                          priced ->
                              orders
                                  .touchCreated(order, now)
                                  .switchIfEmpty(Mono.error(ApiException.conflict(CONFLICT)))
                                  .flatMap(revised -> replace(revised, member, priced, now)));
                });
    return revise
        .as(transaction::transactional)
        .onErrorMap(OrderService::concurrency)
        .doOnSuccess(committed -> lists.invalidateAll());
  }

  /** Only the owner or an admin edits an order, and only while it is CREATED. */
  private static void checkEditable(AuthenticatedMember member, Order order) {
    if (!member.isAdmin() && order.ownerId() != member.id()) {
      throw ApiException.forbidden("Only the member who placed the order or an admin can edit it.");
    }
    if (order.status() != OrderStatus.CREATED) {
      throw ApiException.badRequest(
          "An order can be edited only while it is CREATED; this one is " + order.status() + ".");
    }
  }

  /** The order's new purchases, the snacks they hold, and the event. */
  private Mono<OrderDetail> replace(
      Order order, AuthenticatedMember member, Priced priced, Instant now) {
    return heldSnacks
        .release(order.id())
        .then(hold(order, priced.lines()))
        .then(orders.deleteLines(order.id()))
        .then(orders.insertLines(order.id(), priced.lines()))
        .then(
            outbox.append(
                new OrderRevised(order.uid(), member.id(), priced.lines(), order.createdAt(), now)))
        .thenReturn(OrderDetail.of(order, priced.lines(), priced.catalog()));
  }

  /**
   * Moves the order one step along {@link StatusFlow}; an admin's action. Completing or cancelling
   * releases the order's snacks.
   */
  public Mono<OrderDetail> changeStatus(
      AuthenticatedMember admin, String uid, StatusChangeRequest request) {
    return Mono.defer(
        () -> {
          StatusChangeRequest.StatusChange change = StatusChangeRequest.read(request);
          return move(admin, uid, change.to(), change.arrival())
              .as(transaction::transactional)
              .onErrorMap(OrderService::concurrency)
              .doOnSuccess(committed -> lists.invalidateAll());
        });
  }

  private Mono<OrderDetail> move(
      AuthenticatedMember admin, String uid, OrderStatus to, Instant requestedArrival) {
    Instant now = now();
    return find(uid)
        .flatMap(
            order ->
                orders
                    .lines(order.id())
                    .flatMap(lines -> move(admin, order, lines, to, requestedArrival, now)));
  }

  private Mono<OrderDetail> move(
      AuthenticatedMember admin,
      Order order,
      List<OrderLine> lines,
      OrderStatus to,
      Instant requestedArrival,
      Instant now) {
    return hatedSnacks(order, to, lines)
        .flatMap(
            hated -> {
              Instant arrival =
                  StatusFlow.check(
                      order.status(),
                      to,
                      requestedArrival,
                      order.estimatedArrivalTime(),
                      now,
                      hated);
              Instant setArrival = StatusFlow.takesArrival(to) ? arrival : null;
              return orders
                  .changeStatus(order, to, arrival, now)
                  .switchIfEmpty(Mono.error(ApiException.conflict(CONFLICT)))
                  .flatMap(moved -> record(admin, order, moved, setArrival, now).thenReturn(moved));
            })
        .flatMap(
            moved ->
                catalog.findAll(uids(lines)).map(snacks -> OrderDetail.of(moved, lines, snacks)));
  }

  private Mono<Void> record(
      AuthenticatedMember admin, Order before, Order after, Instant setArrival, Instant now) {
    Mono<Void> release =
        after.status().holdsSnacks() ? Mono.empty() : heldSnacks.release(after.id());
    return orders
        .recordTransition(after.id(), before.status(), after.status(), admin.id(), now, setArrival)
        .then(release)
        .then(
            outbox.append(
                new OrderStatusChanged(
                    after.uid(),
                    before.status().name(),
                    after.status().name(),
                    admin.id(),
                    setArrival,
                    after.createdAt(),
                    now)));
  }

  /** Names of the order's snacks that are hated now, when the move must check them. */
  private Mono<List<String>> hatedSnacks(Order order, OrderStatus to, List<OrderLine> lines) {
    if (!StatusFlow.checksHatedSnacks(to) || !StatusFlow.allows(order.status(), to)) {
      return Mono.just(List.of());
    }
    return reactions
        .hatedAmong(uids(lines))
        .map(
            hated -> {
              Set<String> hatedUids = Set.copyOf(hated);
              return lines.stream()
                  .filter(line -> hatedUids.contains(line.snackUid()))
                  .map(line -> line.snackName() + " (" + line.snackUid() + ")")
                  .toList();
            });
  }

  public Mono<OrderDetail> detail(String uid) {
    return find(uid)
        .flatMap(
            order ->
                orders
                    .lines(order.id())
                    .flatMap(
                        lines ->
                            catalog
                                .findAll(uids(lines))
                                .map(snacks -> OrderDetail.of(order, lines, snacks))));
  }

  public Mono<List<HistoryEntry>> history(String uid) {
    return find(uid).flatMap(order -> orders.history(order.id()));
  }

  /**
   * One page of orders as it is sent (JSON) with the total count; lines are summed for the whole
   * page at once.
   */
  public Mono<EncodedPage> list(OrderFilter filter, List<Ordering.Key> ordering, PageQuery page) {
    return lists.get(
        new ListKey(filter, List.copyOf(ordering), page), () -> loadPage(filter, ordering, page));
  }

  private Mono<EncodedPage> loadPage(
      OrderFilter filter, List<Ordering.Key> ordering, PageQuery page) {
    return Mono.zip(orders.count(filter), orders.page(filter, ordering, page))
        .flatMap(
            result ->
                orders
                    .figures(result.getT2().stream().map(Order::id).toList())
                    .map(
                        figures ->
                            listEncoder.encode(
                                result.getT2().stream()
                                    .map(
                                        order -> {
                                          Orders.Figures f =
                                              figures.getOrDefault(order.id(), Orders.Figures.NONE);
                                          return OrderSummary.of(order, f.quantity(), f.totals());
                                        })
                                    .toList(),
                                result.getT1())));
  }

  public ZoneId businessZone() {
    return businessZone;
  }

  private Mono<Order> find(String uid) {
    return orders.findByUid(uid).switchIfEmpty(Mono.error(ApiException.notFound(NOT_FOUND)));
  }

  /**
   * The purchases priced from the catalog now. A snack the projection has not heard of yet is asked
   * of the snack-service ({@link CatalogReadThrough}), so a snack can be ordered the moment it was
   * registered.
   */
  private Mono<Priced> priced(List<Purchase> purchases) {
    return catalogReadThrough
        .findAll(purchases.stream().map(Purchase::snackUid).toList())
        .map(snacks -> new Priced(PurchaseRules.price(purchases, snacks), snacks));
  }

  /** Holds the order's snacks, or fails the whole change with the 400 naming the held ones. */
  private Mono<Void> hold(Order order, List<OrderLine> lines) {
    return heldSnacks
        .hold(order.id(), uids(lines))
        .flatMap(taken -> taken.isEmpty() ? Mono.empty() : Mono.error(held(lines, taken)));
  }

  /** The 400 of an order whose snacks in {@code taken} another undelivered order holds. */
  private static ApiException held(List<OrderLine> lines, Set<String> taken) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (taken.contains(lines.get(i).snackUid())) {
        errors.put("snacks[" + i + "].uid", List.of(HELD_FIELD));
      }
    }
    return new ApiException(HttpStatus.BAD_REQUEST, SNACK_HELD, errors);
  }

  private Instant now() {
    // PostgreSQL keeps microseconds: an instant with more would come back different
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static List<String> uids(List<OrderLine> lines) {
    return new ArrayList<>(lines.stream().map(OrderLine::snackUid).toList());
  }

  /** The request's meaning for Idempotency-Key comparison: its snacks and quantities, in order. */
  private static String fingerprint(List<Purchase> purchases) {
    return IdempotentRequests.fingerprint(
        purchases.stream()
            .map(p -> p.snackUid() + "\u0000" + p.quantity())
            .collect(Collectors.joining("\n")));
  }

  /**
   * A lock conflict the database resolved by aborting this transaction (a deadlock victim, a
   * serialization failure) means "changed at the same time", not a server fault. Other transient
   * failures (a lost connection, a timeout) are outages, answered 503 by service-defaults, not 409.
   */
  private static Throwable concurrency(Throwable error) {
    if (error instanceof ConcurrencyFailureException) {
      return ApiException.conflict(CONFLICT);
    }
    return error;
  }

  private record Priced(List<OrderLine> lines, Map<String, CatalogSnack> catalog) {}
}
