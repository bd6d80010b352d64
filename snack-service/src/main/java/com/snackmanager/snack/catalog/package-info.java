/**
 * The snack catalog: registering (JSON or multipart with a picture), listing with filters, ordering
 * and paging, reading and editing snacks. Domain rules ({@link
 * com.snackmanager.snack.catalog.SnackRules}, {@link com.snackmanager.snack.catalog.SnackName},
 * {@link com.snackmanager.snack.catalog.Currency}, {@link
 * com.snackmanager.snack.catalog.SnackOrdering}) are plain Java; every change is one transaction
 * with its {@code snack.catalog.v1} outbox event.
 */
package com.snackmanager.snack.catalog;
