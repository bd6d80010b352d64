package com.snackmanager.snack.catalog;

/**
 * The snack list's filters; {@code null} means "any".
 *
 * @param uid exactly this snack
 * @param search the name contains this, compared like names are ({@link SnackName#key})
 * @param status only snacks with this status
 */
public record SnackFilter(String uid, String search, SnackStatus status) {}
