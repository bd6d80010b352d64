package com.snackmanager.reaction.snack;

import com.snackmanager.events.catalog.SnackRegistered;
import com.snackmanager.events.envelope.EventCodec;
import com.snackmanager.events.envelope.EventEnvelope;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.boot.test.context.TestComponent;

/**
 * Feeds catalog events to the service's real consumer ({@link CatalogListener}), as Kafka would
 * deliver them, without waiting for Kafka. The Kafka path itself is tested in {@link
 * CatalogContractIT}.
 */
@TestComponent
public class CatalogFeed {

  private final CatalogListener listener;
  private final EventCodec codec;

  CatalogFeed(CatalogListener listener, EventCodec codec) {
    this.listener = listener;
    this.codec = codec;
  }

  public void register(String snackUid) {
    deliver(
        codec.wrap(
            new SnackRegistered(
                snackUid,
                "Snack " + snackUid,
                "https://example.com/" + snackUid,
                "",
                null,
                "KRW",
                new BigDecimal("1500"),
                "ACTIVE",
                1,
                Instant.now())));
  }

  /** Delivers one envelope as the Kafka listener receives it. */
  public void deliver(EventEnvelope envelope) {
    listener.onMessage(codec.encode(envelope));
  }
}
