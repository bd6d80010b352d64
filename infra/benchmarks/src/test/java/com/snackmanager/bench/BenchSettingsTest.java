package com.snackmanager.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

  @Test
  void defaultsAreTheDocumentedFullRun() {
    BenchSettings settings = BenchSettings.from(Path.of("/repo"), Map.of());

    assertThat(settings.firstWarmUp()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.warmUp()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.connections()).isEqualTo(32);
    assertThat(settings.threads()).isEqualTo(2);
    assertThat(settings.scale()).isEqualTo(1.0);
    assertThat(settings.keepRunning()).isFalse();
    assertThat(settings.businessZone()).isEqualTo("Asia/Seoul");
    assertThat(settings.steadyWindow()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.steadyMin()).isEqualTo(Duration.ofMinutes(3));
    assertThat(settings.steadyMax()).isEqualTo(Duration.ofMinutes(8));
    assertThat(settings.only()).containsExactlyInAnyOrderElementsOf(BenchSettings.SCENARIOS);
    assertThat(settings.onlyDescription()).isEqualTo("all");
  }

  @Test
  void benchOnlyPicksScenarioGroups() {
    BenchSettings settings =
        BenchSettings.from(
            Path.of("/repo"), Map.of("BENCH_ONLY", "get, Reactions", "BENCH_STEADY_MAX", "60s"));

    assertThat(settings.runs("reactions")).isTrue();
    assertThat(settings.runs("get")).isTrue();
    assertThat(settings.runs("lists")).isFalse();
    assertThat(settings.onlyDescription()).isEqualTo("reactions,get");
    assertThat(settings.steadyMax()).isEqualTo(Duration.ofSeconds(60));
    // a smoke run's short cap lowers the minimum load with it
    assertThat(settings.steadyMin()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aMinimumLoadBeforeSteadyCanBeSet() {
    BenchSettings settings =
        BenchSettings.from(Path.of("/repo"), Map.of("BENCH_STEADY_MIN", "100s"));

    assertThat(settings.steadyMin()).isEqualTo(Duration.ofSeconds(100));
    assertThat(settings.steadyMax()).isEqualTo(Duration.ofMinutes(8));
  }

  @Test
  void aShortFirstWarmUpShortensTheLaterOnesToo() {
    BenchSettings settings =
        BenchSettings.from(
            Path.of("/repo"),
            Map.of("BENCH_WARMUP", "5s", "BENCH_DURATION", "2m", "BENCH_KEEP_RUNNING", "1"));

    assertThat(settings.firstWarmUp()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.warmUp()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.keepRunning()).isTrue();
  }

  @Test
  void rejectsWhatCannotBeMeant() {
    assertThatThrownBy(() -> BenchSettings.from(Path.of("/"), Map.of("BENCH_SCALE", "0")))
        .hasMessageContaining("BENCH_SCALE");
    assertThatThrownBy(() -> BenchSettings.from(Path.of("/"), Map.of("BENCH_DURATION", "soon")))
        .hasMessageContaining("BENCH_DURATION");
    assertThatThrownBy(
            () ->
                BenchSettings.from(
                    Path.of("/"), Map.of("BENCH_CONNECTIONS", "1", "BENCH_THREADS", "2")))
        .hasMessageContaining("BENCH_CONNECTIONS");
    assertThatThrownBy(() -> BenchSettings.from(Path.of("/"), Map.of("BENCH_ONLY", "reaction")))
        .hasMessageContaining("BENCH_ONLY");
    assertThatThrownBy(() -> BenchSettings.from(Path.of("/"), Map.of("BENCH_ONLY", ",")))
        .hasMessageContaining("BENCH_ONLY");
    assertThatThrownBy(
            () ->
                BenchSettings.from(
                    Path.of("/"), Map.of("BENCH_STEADY_WINDOW", "30s", "BENCH_STEADY_MAX", "20s")))
        .hasMessageContaining("BENCH_STEADY_MAX");
  }
}
