/**
 * Kafka plumbing shared by the services: topic declaration ({@link
 * com.snackmanager.events.kafka.SnackTopics}) and listener defaults — retries with backoff, then
 * the {@code <topic>.dlt} dead-letter topic with the reason in its headers; records acknowledged
 * only after they were handled or dead-lettered.
 */
package com.snackmanager.events.kafka;
