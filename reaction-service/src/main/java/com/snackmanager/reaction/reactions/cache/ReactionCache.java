package com.snackmanager.reaction.reactions.cache;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.snackmanager.reaction.reactions.domain.Position;
import com.snackmanager.reaction.reactions.domain.Reaction;
import com.snackmanager.reaction.reactions.domain.ReactionCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The Redis side: per snack, the sets of members who like and who hate it, and a generation hash
 * ({@code epoch}, {@code seq}) whose presence means "this snack is cached". Every operation is one
 * atomic Lua script, so one request is one round trip and concurrent requests cannot double-count.
 *
 * <p>Keys carry the snack uid as a hash tag ({@code snack:{uid}:like}, {@code snack:{uid}:hate},
 * {@code snack:{uid}:gen}) so that one snack's keys share a Redis Cluster slot, which a script
 * touching all three needs.
 */
@Component
public class ReactionCache {

  private static final RedisScript<List<Long>> REACT = script("react.lua");

  private static final RedisScript<List<Long>> READ = script("read.lua");

  private static final RedisScript<Long> INSTALL =
      RedisScript.of(source("install.lua"), Long.class);
  private static final RedisScript<Long> INVALIDATE =
      RedisScript.of(source("invalidate.lua"), Long.class);

  private final ReactiveStringRedisTemplate redis;

  ReactionCache(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** What the react script decided. */
  public enum Status {
    /** The snack is not cached; nothing changed. */
    NOT_CACHED,
    /** The member already had the target reaction; nothing changed. */
    UNCHANGED,
    /** The member's reaction moved from {@code previous} to the target. */
    CHANGED
  }

  /**
   * @param position where the change stands in the snack's order of changes (when {@link
   *     Status#CHANGED}); the epoch is the cache generation it was decided in
   * @param counts the snack's counts after the decision
   */
  public record Decision(
      Status status, Position position, Reaction previous, ReactionCounts counts) {}

  /**
   * @param mine the member's reaction, null for none
   */
  public record Snapshot(boolean cached, Reaction mine, ReactionCounts counts) {}

  static List<String> keys(String snackUid) {
    String prefix = "snack:{" + snackUid + "}:";
    return List.of(prefix + "like", prefix + "hate", prefix + "gen");
  }

  static String generationKey(String snackUid) {
    return keys(snackUid).get(2);
  }

  /** Moves the member to {@code target} (null: withdraw) and returns the snack's counts. */
  public Mono<Decision> react(String snackUid, long memberId, Reaction target) {
    return run(
            REACT,
            keys(snackUid),
            List.of(Long.toString(memberId), Integer.toString(Reaction.code(target))))
        .map(
            r -> {
              int status = r.get(0).intValue();
              if (status < 0) {
                return new Decision(Status.NOT_CACHED, null, null, null);
              }
              return new Decision(
                  status == 0 ? Status.UNCHANGED : Status.CHANGED,
                  new Position(r.get(1), r.get(2)),
                  Reaction.fromCode(r.get(3)),
                  new ReactionCounts(r.get(4), r.get(5)));
            });
  }

  public Mono<Snapshot> read(String snackUid, long memberId) {
    return run(READ, keys(snackUid), List.of(Long.toString(memberId)))
        .map(
            r ->
                r.get(0) < 0
                    ? new Snapshot(false, null, null)
                    : new Snapshot(
                        true, Reaction.fromCode(r.get(1)), new ReactionCounts(r.get(2), r.get(3))));
  }

  /**
   * Installs a generation read from PostgreSQL unless one is cached.
   *
   * @return whether it was installed
   */
  Mono<Boolean> install(String snackUid, long epoch, List<Long> likes, List<Long> hates) {
    List<String> args = new ArrayList<>(2 + likes.size() + hates.size());
    args.add(Long.toString(epoch));
    args.add(Integer.toString(likes.size()));
    likes.forEach(member -> args.add(member.toString()));
    hates.forEach(member -> args.add(member.toString()));
    return redis.execute(INSTALL, keys(snackUid), args).next().map(installed -> installed == 1);
  }

  /** Drops the snack's generation if it is still {@code epoch}, so the next request rebuilds it. */
  public Mono<Boolean> invalidate(String snackUid, long epoch) {
    return redis
        .execute(INVALIDATE, List.of(generationKey(snackUid)), List.of(Long.toString(epoch)))
        .next()
        .map(dropped -> dropped == 1);
  }

  Mono<Boolean> isCached(String snackUid) {
    return redis.hasKey(generationKey(snackUid));
  }

  private Mono<List<Long>> run(RedisScript<List<Long>> script, List<String> keys, List<?> args) {
    return redis.execute(script, keys, args).next();
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static RedisScript<List<Long>> script(String name) {
    return (RedisScript) RedisScript.of(source(name), List.class);
  }

  /**
   * The script's text, read once: a script made from the resource itself asks the class path at
   * every execution whether the file changed (~4 % of the service's CPU on a reaction).
   */
  private static String source(String name) {
    try {
      return new ClassPathResource(name, ReactionCache.class).getContentAsString(UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Redis script " + name, e);
    }
  }
}
