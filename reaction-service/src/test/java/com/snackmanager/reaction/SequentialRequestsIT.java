package com.snackmanager.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A thousand requests one after the other (each waits for its commit): nothing is lost or counted
 * twice. Its duration in the Surefire report is a rough figure of the per-request latency.
 */
class SequentialRequestsIT extends ReactionServiceTest {

  @Test
  void aThousandSequentialChangesAllLand() {
    String snack = newSnack();
    List<Long> members = LongStream.range(0, 500).mapToObj(i -> newMember()).toList();
    members.forEach(member -> react(snack, member, "LIKE").expectStatus().isOk());
    members.forEach(member -> react(snack, member, "HATE").expectStatus().isOk());

    assertThat(storedCounts(snack)).isEqualTo(new Counts(0, 500));
    assertThat(cachedCounts(snack)).isEqualTo(new Counts(0, 500));
    assertThat(outboxEvents(snack)).hasSize(1000);
  }
}
