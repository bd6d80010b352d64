/**
 * What services that keep a projection of the catalog share: {@link
 * com.snackmanager.defaults.catalog.SnackServiceClient}, which asks the snack-service about a snack
 * whose event has not arrived yet.
 */
package com.snackmanager.defaults.catalog;
