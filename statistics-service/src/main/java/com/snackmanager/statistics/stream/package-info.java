/**
 * The consumed event streams as an operator sees them: which topics, which consumer group and
 * listeners, how far each topic has been applied ({@code GET /statistics/freshness}), and the
 * rebuild that replays them all from the beginning ({@code POST /statistics/rebuild}).
 */
package com.snackmanager.statistics.stream;
