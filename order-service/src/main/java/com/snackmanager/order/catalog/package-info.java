/**
 * The projection of {@code snack.catalog.v1}: which snacks exist, their name, image, price,
 * currency and whether they are retired. Orders read prices and availability from it.
 */
package com.snackmanager.order.catalog;
