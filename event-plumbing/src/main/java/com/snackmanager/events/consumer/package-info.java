/**
 * The consumer template every listener of the suite uses: {@link
 * com.snackmanager.events.consumer.EventConsumers} builds, per topic, an {@link
 * com.snackmanager.events.consumer.EventConsumer} (one event at a time: decode, check the event's
 * version, dispatch by event type to a small handler table, apply in one transaction with its inbox
 * record) or a {@link com.snackmanager.events.consumer.BatchConsumer} (a poll at a time, one
 * transaction for the poll's new events). Failures follow the Kafka failure policy of {@code
 * com.snackmanager.events.kafka}.
 */
package com.snackmanager.events.consumer;
