package com.snackmanager.order.catalog;

/** The snack-service could not be asked about a snack, or gave an answer that is no answer. */
class SnackServiceUnavailableException extends RuntimeException {

  SnackServiceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
