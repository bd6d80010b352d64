package com.snackmanager.reaction.reactions;

import com.snackmanager.reaction.reactions.domain.Reaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Business metrics of the reactions: {@code snack.reactions} counts committed changes by kind
 * ({@code set}, {@code switch}, {@code withdraw}), so a dashboard shows reactions per second apart
 * from HTTP traffic (refused requests change nothing and are not counted).
 */
@Component
class ReactionMetrics {

  private final Counter set;
  private final Counter switched;
  private final Counter withdrawn;

  ReactionMetrics(MeterRegistry registry) {
    this.set = counter(registry, "set");
    this.switched = counter(registry, "switch");
    this.withdrawn = counter(registry, "withdraw");
  }

  private static Counter counter(MeterRegistry registry, String change) {
    return Counter.builder("snack.reactions")
        .description("Reaction changes committed")
        .tag("change", change)
        .register(registry);
  }

  void committed(Reaction previous, Reaction current) {
    if (current == null) {
      withdrawn.increment();
    } else if (previous == null) {
      set.increment();
    } else {
      switched.increment();
    }
  }
}
