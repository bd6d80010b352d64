package com.snackmanager.events.orders;

import java.math.BigDecimal;

/** One purchase of an order: the snack, how many, and its unit price and currency at the time. */
public record OrderLine(
    String snackUid, String snackName, int quantity, BigDecimal unitPrice, String currency) {}
