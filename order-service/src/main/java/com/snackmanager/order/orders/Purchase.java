package com.snackmanager.order.orders;

/** One valid purchase of a request: a snack (by uid) and how many, at least one. */
public record Purchase(String snackUid, int quantity) {}
