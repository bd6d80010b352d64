/**
 * The statistics-service's wiring: member-only security (rebuild: admins), the consumed topics, the
 * Kafka admin client, the business time zone, JSON and CSV writing, and OpenAPI.
 */
package com.snackmanager.statistics.config;
