package com.snackmanager.order;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock in tests: the real time, unless a test sets one for a while. */
public class TestClock extends Clock {

  /** Puts the test clock in place of the application's. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Configuration {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }

  private final AtomicReference<Instant> fixed = new AtomicReference<>();

  /** Runs {@code action} with the clock standing at {@code instant}. */
  public void at(Instant instant, Runnable action) {
    fixed.set(instant);
    try {
      action.run();
    } finally {
      fixed.set(null);
    }
  }

  @Override
  public Instant instant() {
    Instant now = fixed.get();
    return now == null ? Instant.now() : now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The test clock is always UTC");
  }
}
