package com.snackmanager.defaults.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code snack.idempotency.*}.
 *
 * @param enabled whether this service has {@link IdempotentRequests} (and the {@code
 *     idempotency_key} table of {@code classpath:db/idempotency})
 * @param retention how long a key is remembered (the contract says 24 h); after that the key is
 *     taken over by the next request that brings it, and the record purged
 * @param purgeInterval how often records older than {@code retention} are deleted
 */
@ConfigurationProperties("snack.idempotency")
public record IdempotencyProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("24h") Duration retention,
    @DefaultValue("1h") Duration purgeInterval) {}
