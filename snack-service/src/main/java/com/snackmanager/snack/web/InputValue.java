package com.snackmanager.snack.web;

import java.math.BigDecimal;

/**
 * One field of a request body as the client sent it, before validation. JSON gives any of these; a
 * multipart form gives only {@link Text}.
 */
public sealed interface InputValue {

  /** A JSON string or a form field. */
  record Text(String value) implements InputValue {}

  /** A JSON number, every digit kept. */
  record Number(BigDecimal value) implements InputValue {}

  /** An explicit JSON {@code null}. */
  record Null() implements InputValue {}

  /** Something no field of ours takes: a boolean, an array, an object, a file. */
  record Other(String kind) implements InputValue {}
}
