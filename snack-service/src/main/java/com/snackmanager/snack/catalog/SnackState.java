package com.snackmanager.snack.catalog;

import java.math.BigDecimal;

/**
 * The editable facts of a snack, valid by {@link SnackRules}.
 *
 * @param price at most {@link Currency#decimals()} decimals, scaled to exactly that many
 */
public record SnackState(
    SnackName name,
    String url,
    String desc,
    Currency currency,
    BigDecimal price,
    SnackStatus status) {}
