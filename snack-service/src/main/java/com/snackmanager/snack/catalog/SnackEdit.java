package com.snackmanager.snack.catalog;

/**
 * The outcome of an edit request checked against the snack as it was.
 *
 * @param state the snack's state after the edit
 * @param changed whether anything differs from before (an edit that changes nothing writes nothing)
 * @param retired whether the edit moves the snack from ACTIVE to RETIRED
 */
public record SnackEdit(SnackState state, boolean changed, boolean retired) {}
