package com.snackmanager.reaction.reactions.domain;

/**
 * Where a change stands in one snack's order of changes: the Redis cache generation it was decided
 * in, then its sequence number in that generation. Every rebuild starts a higher epoch, so a change
 * decided after a rebuild always ranks above one decided before it.
 */
public record Position(long epoch, long seq) implements Comparable<Position> {

  /** Below every real change (epochs start at 1): a row that no change has written yet. */
  public static final Position NONE = new Position(0, 0);

  @Override
  public int compareTo(Position other) {
    int byEpoch = Long.compare(epoch, other.epoch);
    return byEpoch != 0 ? byEpoch : Long.compare(seq, other.seq);
  }

  public boolean isAfter(Position other) {
    return compareTo(other) > 0;
  }
}
