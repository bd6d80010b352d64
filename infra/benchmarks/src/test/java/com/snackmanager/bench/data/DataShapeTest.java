package com.snackmanager.bench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DataShapeTest {

  @Test
  void fullScaleIsTheIssuesDataSet() {
    DataShape shape = DataShape.of(1.0);

    assertThat(shape).isEqualTo(new DataShape(10_000, 100_000, 1_000_000, 100_000));
    // every snack gets 5, the 10,000 popular ones share the other 500,000: 55 each
    assertThat(shape.baseReactions()).isEqualTo(5);
    assertThat(shape.popularSnacks()).isEqualTo(10_000);
  }

  @Test
  void aSnackCannotHaveMoreReactionsThanThereAreMembers() {
    assertThatThrownBy(() -> new DataShape(20, 100, 1000, 10))
        .hasMessageContaining("reacting members");
  }

  @Test
  void theScriptIsCutIntoNamedStepsWithEveryPlaceholderFilled() {
    var steps =
        DataGenerator.steps(
            "-- header {{x}}\n-- step: one\nSELECT {{a}};\n-- step: two\nSELECT 2;\n");

    assertThat(steps).containsOnlyKeys("one", "two");
    assertThat(DataGenerator.fill(steps.get("one"), Map.of("a", "1"))).isEqualTo("SELECT 1;\n");
    assertThatThrownBy(() -> DataGenerator.fill(steps.get("one"), Map.of()))
        .hasMessageContaining("{{a}}");
  }
}
