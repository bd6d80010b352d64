/**
 * Kafka plumbing shared by the services: topic declaration ({@link
 * com.snackmanager.events.kafka.SnackTopics}) and listener defaults — the failure policy ({@link
 * com.snackmanager.events.kafka.FailureClassifier}: transient failures retried without limit, the
 * others a few times, then the {@code <topic>.dlt} dead-letter topic with the reason in its
 * headers), records acknowledged only after they were handled or dead-lettered, and batch listeners
 * that dead-letter only the record that failed ({@link
 * com.snackmanager.events.kafka.BatchListeners}).
 */
package com.snackmanager.events.kafka;
