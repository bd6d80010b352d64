package com.snackmanager.order.catalog;

import java.math.BigDecimal;

/**
 * A snack as this service last heard of it from the catalog.
 *
 * @param imageUrl the snack's image path (served by the snack-service), or null
 * @param retired whether it can no longer be put in orders
 */
public record CatalogSnack(
    String uid, String name, String imageUrl, BigDecimal price, String currency, boolean retired) {}
