package com.snackmanager.statistics.order;

import com.snackmanager.events.orders.OrderStatus;
import com.snackmanager.statistics.period.Grain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * What one order adds to the buckets, in both grains (its day and its month): one order and its
 * snack quantity under its status; its money per currency; per snack one order, the quantity and
 * the money. A cancelled order adds only the order count under CANCELLED.
 *
 * <p>A change of an order is applied as {@code of(after).minus(of(before))}: the buckets lose what
 * the order gave before and gain what it gives now (a status change moves it between statuses, a
 * revision swaps its lines, a cancellation takes its quantity and money out). Keys are sorted, so
 * concurrent writers lock bucket rows in the same order.
 */
public record Contribution(
    SortedMap<StatusKey, Counts> statuses,
    SortedMap<CurrencyKey, Money> totals,
    SortedMap<SnackKey, Counts> snacks,
    SortedMap<SnackCurrencyKey, Money> snackTotals) {

  /** Order count and snack quantity. */
  public record Counts(long orders, long quantity) {
    Counts plus(Counts other) {
      return new Counts(orders + other.orders, quantity + other.quantity);
    }

    Counts negate() {
      return new Counts(-orders, -quantity);
    }

    boolean isZero() {
      return orders == 0 && quantity == 0;
    }
  }

  /** Number of lines and their amount in one currency. */
  public record Money(long lines, BigDecimal amount) {
    Money plus(Money other) {
      return new Money(lines + other.lines, amount.add(other.amount));
    }

    Money negate() {
      return new Money(-lines, amount.negate());
    }

    boolean isZero() {
      return lines == 0 && amount.signum() == 0;
    }
  }

  public record StatusKey(Grain grain, LocalDate bucket, OrderStatus status)
      implements Comparable<StatusKey> {
    private static final Comparator<StatusKey> ORDER =
        Comparator.comparing(StatusKey::grain)
            .thenComparing(StatusKey::bucket)
            .thenComparing(key -> key.status().name());

    @Override
    public int compareTo(StatusKey other) {
      return ORDER.compare(this, other);
    }
  }

  public record CurrencyKey(Grain grain, LocalDate bucket, String currency)
      implements Comparable<CurrencyKey> {
    private static final Comparator<CurrencyKey> ORDER =
        Comparator.comparing(CurrencyKey::grain)
            .thenComparing(CurrencyKey::bucket)
            .thenComparing(CurrencyKey::currency);

    @Override
    public int compareTo(CurrencyKey other) {
      return ORDER.compare(this, other);
    }
  }

  public record SnackKey(Grain grain, LocalDate bucket, String snackUid)
      implements Comparable<SnackKey> {
    private static final Comparator<SnackKey> ORDER =
        Comparator.comparing(SnackKey::grain)
            .thenComparing(SnackKey::bucket)
            .thenComparing(SnackKey::snackUid);

    @Override
    public int compareTo(SnackKey other) {
      return ORDER.compare(this, other);
    }
  }

  public record SnackCurrencyKey(Grain grain, LocalDate bucket, String snackUid, String currency)
      implements Comparable<SnackCurrencyKey> {
    private static final Comparator<SnackCurrencyKey> ORDER =
        Comparator.comparing(SnackCurrencyKey::grain)
            .thenComparing(SnackCurrencyKey::bucket)
            .thenComparing(SnackCurrencyKey::snackUid)
            .thenComparing(SnackCurrencyKey::currency);

    @Override
    public int compareTo(SnackCurrencyKey other) {
      return ORDER.compare(this, other);
    }
  }

  public static final Contribution NONE =
      new Contribution(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

  public Contribution {
    statuses = Collections.unmodifiableSortedMap(new TreeMap<>(statuses));
    totals = Collections.unmodifiableSortedMap(new TreeMap<>(totals));
    snacks = Collections.unmodifiableSortedMap(new TreeMap<>(snacks));
    snackTotals = Collections.unmodifiableSortedMap(new TreeMap<>(snackTotals));
  }

  /** What {@code fact} adds to the buckets; {@link #NONE} for null (an order not known yet). */
  public static Contribution of(OrderFact fact) {
    if (fact == null) {
      return NONE;
    }
    SortedMap<StatusKey, Counts> statuses = new TreeMap<>();
    SortedMap<CurrencyKey, Money> totals = new TreeMap<>();
    SortedMap<SnackKey, Counts> snacks = new TreeMap<>();
    SortedMap<SnackCurrencyKey, Money> snackTotals = new TreeMap<>();
    // a cancelled order is counted, but keeps no snack quantity and no money
    boolean keeps = fact.status() != OrderStatus.CANCELLED;
    for (Grain grain : Grain.values()) {
      LocalDate bucket = grain.bucketOf(fact.localDate());
      statuses.put(
          new StatusKey(grain, bucket, fact.status()), new Counts(1, keeps ? fact.quantity() : 0));
      if (!keeps) {
        continue;
      }
      Map<String, Long> quantityBySnack = new LinkedHashMap<>();
      for (FactLine line : fact.lines()) {
        Money money = new Money(1, line.amount());
        totals.merge(new CurrencyKey(grain, bucket, line.currency()), money, Money::plus);
        snackTotals.merge(
            new SnackCurrencyKey(grain, bucket, line.snackUid(), line.currency()),
            money,
            Money::plus);
        quantityBySnack.merge(line.snackUid(), (long) line.quantity(), Long::sum);
      }
      // an order counts once per snack, however many lines name it
      quantityBySnack.forEach(
          (snack, quantity) ->
              snacks.put(new SnackKey(grain, bucket, snack), new Counts(1, quantity)));
    }
    return new Contribution(statuses, totals, snacks, snackTotals);
  }

  /** This minus {@code other}, without the keys whose difference is zero. */
  public Contribution minus(Contribution other) {
    return new Contribution(
        difference(statuses, other.statuses, Counts::plus, Counts::negate, Counts::isZero),
        difference(totals, other.totals, Money::plus, Money::negate, Money::isZero),
        difference(snacks, other.snacks, Counts::plus, Counts::negate, Counts::isZero),
        difference(snackTotals, other.snackTotals, Money::plus, Money::negate, Money::isZero));
  }

  /** This plus {@code other} (the changes of a batch summed), without the keys that sum to zero. */
  public Contribution plus(Contribution other) {
    return minus(NONE.minus(other));
  }

  public boolean isEmpty() {
    return statuses.isEmpty() && totals.isEmpty() && snacks.isEmpty() && snackTotals.isEmpty();
  }

  private static <K, V> SortedMap<K, V> difference(
      SortedMap<K, V> plus,
      SortedMap<K, V> minus,
      BinaryOperator<V> add,
      UnaryOperator<V> negate,
      java.util.function.Predicate<V> isZero) {
    SortedMap<K, V> result = new TreeMap<>(plus);
    minus.forEach((key, value) -> result.merge(key, negate.apply(value), add));
    result.values().removeIf(isZero);
    return result;
  }
}
