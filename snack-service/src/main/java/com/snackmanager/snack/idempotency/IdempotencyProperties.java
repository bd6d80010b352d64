package com.snackmanager.snack.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code snack.idempotency.*}.
 *
 * @param retention how long a key is remembered; after that it may be used again
 * @param purgeInterval how often keys older than {@code retention} are deleted
 */
@ConfigurationProperties("snack.idempotency")
public record IdempotencyProperties(
    @DefaultValue("24h") Duration retention, @DefaultValue("1h") Duration purgeInterval) {}
