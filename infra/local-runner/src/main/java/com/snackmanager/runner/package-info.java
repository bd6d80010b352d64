/**
 * The local runner behind {@code ./suite up}: a plain Java supervisor that starts the suite's
 * infrastructure (embedded PostgreSQL with the per-service schemas, a redis-server, a standalone
 * KRaft Kafka broker in its own JVM, each unless an external endpoint is given), generates the
 * development JWT signing key once, then starts every built service jar from {@link
 * com.snackmanager.runner.ServiceTable} as its own process, waits for each one's readiness probe,
 * writes {@code .run/ready} and keeps running until SIGTERM, when it stops everything in reverse
 * order. All state lives under {@code <project>/.run}.
 */
package com.snackmanager.runner;
