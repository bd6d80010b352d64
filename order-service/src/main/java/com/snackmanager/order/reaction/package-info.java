/**
 * The projection of {@code snack.reactions.v1}: likes and hates per snack, from which an order
 * knows whether a snack is hated ({@code hates > likes}) when it is approved or ordered.
 */
package com.snackmanager.order.reaction;
