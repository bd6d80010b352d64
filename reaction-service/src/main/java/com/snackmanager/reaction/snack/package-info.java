/**
 * The snacks this service knows: a projection of {@code snack.catalog.v1} (uid and status), fed by
 * an idempotent consumer. A reaction to a snack is possible once its registration arrived.
 */
package com.snackmanager.reaction.snack;
