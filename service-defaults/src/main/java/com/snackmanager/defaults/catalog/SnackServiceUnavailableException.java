package com.snackmanager.defaults.catalog;

/** The snack-service could not be asked about a snack, or gave an answer that is no answer. */
public class SnackServiceUnavailableException extends RuntimeException {

  public SnackServiceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
