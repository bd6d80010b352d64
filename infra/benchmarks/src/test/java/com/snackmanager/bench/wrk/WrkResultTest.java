package com.snackmanager.bench.wrk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The line common.lua's done() prints, as the Java side reads it. */
class WrkResultTest {

  static final String LINE =
      """
      {"requests":3876,"duration_us":2000000,"bytes":2151576,\
      "errors":{"connect":1,"read":2,"write":0,"status":4,"timeout":3},\
      "latency_us":{"p50":1877,"p90":3219,"p99":5519,"max":8118,"mean":2081},\
      "threads":[{"id":1,"sent":1866,"statuses":{"200":1860,"503":4},"failure":"503 busy"},\
      {"id":0,"sent":2013,"statuses":{"200":2012},"failure":null}]}""";

  @Test
  void readsRatesLatenciesErrorsAndEachThreadsCount() {
    WrkResult result = WrkResult.parse("run", JsonMapper.builder().build().readTree(LINE));

    assertThat(result.requestsPerSecond()).isEqualTo(1938);
    assertThat(result.p50Ms()).isEqualTo(1.877);
    assertThat(result.p99Ms()).isEqualTo(5.519);
    assertThat(result.socketErrors()).isEqualTo(6);
    assertThat(result.count(200)).isEqualTo(3872);
    assertThat(result.non2xx()).isEqualTo(4);
    assertThat(result.firstFailure()).isEqualTo("503 busy");
    assertThat(result.threads())
        .extracting(WrkResult.ThreadCount::id, WrkResult.ThreadCount::sent)
        .containsExactly(tuple(0, 2013L), tuple(1, 1866L));
  }
}
