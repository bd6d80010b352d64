/**
 * The transactional outbox: {@link com.snackmanager.events.outbox.OutboxWriter} appends an event in
 * the transaction of the state change, {@link com.snackmanager.events.outbox.OutboxRelay} publishes
 * it to Kafka until Kafka acknowledges it. Tables come from the Flyway migrations in {@code
 * db/snack-events}; add {@code classpath:db/snack-events} to {@code spring.flyway.locations}.
 */
package com.snackmanager.events.outbox;
