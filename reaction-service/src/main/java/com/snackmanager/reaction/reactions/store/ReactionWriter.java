package com.snackmanager.reaction.reactions.store;

import com.snackmanager.events.outbox.OutboxWriter;
import com.snackmanager.events.reactions.ReactionChanged;
import com.snackmanager.reaction.config.ReactionProperties;
import com.snackmanager.reaction.reactions.domain.Position;
import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.reactions.store.ReactionChange.MemberKey;
import com.snackmanager.reaction.reactions.store.ReactionRows.Plan;
import com.snackmanager.reaction.reactions.store.ReactionRows.Stored;
import com.snackmanager.reaction.reactions.store.ReactionRows.Transition;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Makes decided changes durable: each batch of concurrent changes is one PostgreSQL transaction
 * that writes the members' rows and one {@code reaction.changed} outbox event per real change.
 *
 * <p>A change decided in a cache generation that has since been rebuilt is {@link Outcome#STALE}:
 * it is not written, and its request decides again on the rebuilt cache. The check runs under a
 * shared advisory lock per snack that a rebuild takes exclusively, so a rebuild's snapshot holds
 * every change written in the generation it replaces (see {@link
 * com.snackmanager.reaction.reactions.cache.ReactionCacheLoader}).
 */
@Component
public class ReactionWriter {

  /** First key of the suite-unique two-part advisory lock of a snack's cache ("REAC"). */
  public static final int LOCK_NAMESPACE = 0x52454143;

  // the batch's snacks locked shared, its members' rows ensured and locked, and returned with their
  // snack's cache epoch: one round trip (V2__lock_reaction_batch.sql)
  private static final String LOCK_BATCH =
      """
      SELECT snack_uid, member_id, cache_epoch, type, epoch, seq
      FROM lock_reaction_batch(:namespace, CAST(:uids AS text[]), CAST(:snacks AS text[]),
                               CAST(:members AS bigint[]))
      """;
  private static final String UPDATE_ROWS =
      """
      UPDATE reaction r SET type = u.type, epoch = u.epoch, seq = u.seq, changed_at = now()
      FROM unnest(CAST(:snacks AS text[]), CAST(:members AS bigint[]), CAST(:types AS text[]),
                  CAST(:epochs AS bigint[]), CAST(:seqs AS bigint[]))
           AS u(snack_uid, member_id, type, epoch, seq)
      WHERE r.snack_uid = u.snack_uid AND r.member_id = u.member_id
      """;
  // the rows and their events in one round trip
  private static final String UPDATE_ROWS_AND_APPEND_EVENTS =
      "WITH updated AS (" + UPDATE_ROWS + ") " + OutboxWriter.INSERT_ALL;

  /** What became of one change. */
  public enum Outcome {
    /** Committed (or superseded by a newer change of the same member, also committed). */
    WRITTEN,
    /** Decided in a cache generation that has been replaced; nothing written. */
    STALE
  }

  private final DatabaseClient db;
  private final OutboxWriter outbox;
  private final TransactionalOperator transactional;
  private final ReactionProperties.Batch settings;
  private final GroupCommit<ReactionChange, Outcome> groupCommit;

  ReactionWriter(
      DatabaseClient db,
      OutboxWriter outbox,
      ReactiveTransactionManager transactions,
      ReactionProperties properties) {
    this.db = db;
    this.outbox = outbox;
    this.transactional = TransactionalOperator.create(transactions);
    this.settings = properties.batch();
    this.groupCommit =
        new GroupCommit<>(this::writeBatch, settings.maxSize(), settings.maxConcurrent());
  }

  /**
   * Completes once the change is committed (or known to be stale); errors if the batch failed. The
   * change's event carries the trace of the caller, although a shared batch writes it.
   */
  public Mono<Outcome> write(ReactionChange change) {
    return outbox
        .currentTraceHeaders()
        .flatMap(trace -> groupCommit.submit(change.tracedBy(trace)));
  }

  /**
   * One transaction for {@code changes}, in three round trips: the locks and rows, the rows'
   * updates with the events, the commit. One outcome per change, in order.
   */
  Mono<List<Outcome>> writeBatch(List<ReactionChange> changes) {
    Mono<List<Outcome>> batch =
        Mono.defer(
            () -> {
              String[] uids =
                  changes.stream()
                      .map(ReactionChange::snackUid)
                      .distinct()
                      .sorted()
                      .toArray(String[]::new);
              Set<MemberKey> keys =
                  new TreeSet<>(
                      Comparator.comparing(MemberKey::snackUid)
                          .thenComparingLong(MemberKey::memberId));
              changes.forEach(change -> keys.add(change.key()));
              return db.sql(LOCK_BATCH)
                  .bind("namespace", LOCK_NAMESPACE)
                  .bind("uids", uids)
                  .bind("snacks", keys.stream().map(MemberKey::snackUid).toArray(String[]::new))
                  .bind("members", keys.stream().map(MemberKey::memberId).toArray(Long[]::new))
                  .map(Locked::of)
                  .all()
                  .collectList()
                  .flatMap(locked -> writeCurrent(changes, locked));
            });
    // the timeout inside the transaction: a batch that takes too long fails, and is rolled back
    // before its connection goes back to the pool; a timeout outside would cancel the transaction,
    // whose connection could return to the pool still inside it, holding row locks (seen when
    // PostgreSQL was frozen in FaultDrillsIT)
    return transactional.transactional(batch.timeout(settings.timeout()));
  }

  /** A member's row as locked, with its snack's current cache epoch. */
  private record Locked(MemberKey key, long cacheEpoch, Stored stored) {
    static Locked of(Readable row) {
      return new Locked(
          new MemberKey(row.get("snack_uid", String.class), row.get("member_id", Long.class)),
          row.get("cache_epoch", Long.class),
          new Stored(
              Reaction.named(row.get("type", String.class)),
              new Position(row.get("epoch", Long.class), row.get("seq", Long.class))));
    }
  }

  private Mono<List<Outcome>> writeCurrent(List<ReactionChange> changes, List<Locked> locked) {
    // a snack without rows here is unknown to this service: its changes are stale
    Map<String, Long> epochs = new HashMap<>();
    Map<MemberKey, Stored> stored = new HashMap<>();
    for (Locked row : locked) {
      epochs.put(row.key().snackUid(), row.cacheEpoch());
      stored.put(row.key(), row.stored());
    }
    List<Outcome> outcomes = new ArrayList<>(changes.size());
    List<ReactionChange> current = new ArrayList<>();
    for (ReactionChange change : changes) {
      Long epoch = epochs.get(change.snackUid());
      boolean isCurrent = epoch != null && epoch == change.position().epoch();
      outcomes.add(isCurrent ? Outcome.WRITTEN : Outcome.STALE);
      if (isCurrent) {
        current.add(change);
      }
    }
    if (current.isEmpty()) {
      return Mono.just(outcomes);
    }
    return write(ReactionRows.plan(stored, current)).thenReturn(outcomes);
  }

  private Mono<Void> write(Plan plan) {
    if (plan.rows().isEmpty()) {
      return Mono.empty();
    }
    int n = plan.rows().size();
    String[] snacks = new String[n];
    Long[] members = new Long[n];
    String[] types = new String[n];
    Long[] epochs = new Long[n];
    Long[] seqs = new Long[n];
    int i = 0;
    for (Map.Entry<MemberKey, Stored> row : plan.rows().entrySet()) {
      snacks[i] = row.getKey().snackUid();
      members[i] = row.getKey().memberId();
      types[i] = Reaction.nameOf(row.getValue().type());
      epochs[i] = row.getValue().position().epoch();
      seqs[i] = row.getValue().position().seq();
      i++;
    }
    List<OutboxWriter.Traced> events = new ArrayList<>(plan.transitions().size());
    for (Transition transition : plan.transitions()) {
      events.add(new OutboxWriter.Traced(event(transition), transition.change().trace()));
    }
    Mono<DatabaseClient.GenericExecuteSpec> statement =
        events.isEmpty()
            ? Mono.just(db.sql(UPDATE_ROWS))
            : outbox
                .prepareAll(events)
                .map(rows -> rows.bindTo(db.sql(UPDATE_ROWS_AND_APPEND_EVENTS)));
    return statement.flatMap(
        sql ->
            sql.bind("snacks", snacks)
                .bind("members", members)
                .bind("types", types)
                .bind("epochs", epochs)
                .bind("seqs", seqs)
                .then());
  }

  private static ReactionChanged event(Transition transition) {
    ReactionChange change = transition.change();
    return new ReactionChanged(
        change.snackUid(),
        change.memberId(),
        Reaction.nameOf(transition.storedPrevious()),
        Reaction.nameOf(change.current()),
        change.counts().likes(),
        change.counts().hates(),
        change.changedAt());
  }
}
