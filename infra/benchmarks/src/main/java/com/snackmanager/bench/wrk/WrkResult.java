package com.snackmanager.bench.wrk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What one wrk run measured, from the {@code BENCH_JSON} line its script's {@code done()} prints.
 *
 * @param name the run's name (also its file names in the results folder)
 * @param requests responses received
 * @param seconds the run's length
 * @param p50Ms median latency (wrk corrects its histogram for coordinated omission)
 * @param socketErrors connect, read, write errors and timeouts
 * @param statuses responses per HTTP status
 * @param threads per wrk thread: requests sent (in order) and the first non-2xx response
 */
public record WrkResult(
    String name,
    long requests,
    double seconds,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double maxMs,
    long socketErrors,
    Map<Integer, Long> statuses,
    List<ThreadCount> threads) {

  /** One wrk thread: how many requests it sent, and the first response that was not 2xx. */
  public record ThreadCount(int id, long sent, String failure) {}

  public double requestsPerSecond() {
    return seconds > 0 ? requests / seconds : 0;
  }

  /**
   * Successful (2xx) responses per second: the throughput a target is measured against, so that a
   * run that fails fast (a 503 from an open circuit breaker is quick) never looks like a fast one.
   */
  public double successesPerSecond() {
    return seconds > 0 ? (requests - non2xx()) / seconds : 0;
  }

  public long non2xx() {
    return statuses.entrySet().stream()
        .filter(entry -> entry.getKey() < 200 || entry.getKey() > 299)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  public long count(int status) {
    return statuses.getOrDefault(status, 0L);
  }

  /** The first non-2xx response any thread saw, or null. */
  public String firstFailure() {
    return threads.stream()
        .map(ThreadCount::failure)
        .filter(failure -> failure != null)
        .findFirst()
        .orElse(null);
  }

  static WrkResult parse(String name, JsonNode json) {
    JsonNode latency = json.get("latency_us");
    JsonNode errors = json.get("errors");
    Map<Integer, Long> statuses = new TreeMap<>();
    List<ThreadCount> threads = new ArrayList<>();
    for (JsonNode thread : json.get("threads")) {
      thread
          .get("statuses")
          .properties()
          .forEach(
              entry ->
                  statuses.merge(
                      Integer.parseInt(entry.getKey()), entry.getValue().asLong(), Long::sum));
      JsonNode failure = thread.get("failure");
      threads.add(
          new ThreadCount(
              thread.get("id").asInt(),
              thread.get("sent").asLong(),
              failure == null || failure.isNull() ? null : failure.asString()));
    }
    threads.sort((a, b) -> Integer.compare(a.id(), b.id()));
    return new WrkResult(
        name,
        json.get("requests").asLong(),
        json.get("duration_us").asLong() / 1e6,
        latency.get("p50").asLong() / 1e3,
        latency.get("p90").asLong() / 1e3,
        latency.get("p99").asLong() / 1e3,
        latency.get("max").asLong() / 1e3,
        errors.get("connect").asLong()
            + errors.get("read").asLong()
            + errors.get("write").asLong()
            + errors.get("timeout").asLong(),
        statuses,
        threads);
  }
}
