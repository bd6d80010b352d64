package com.snackmanager.auth.token;

/** A token that is not one of ours, not intact, not of the expected type, or expired. */
public class InvalidTokenException extends RuntimeException {

  public InvalidTokenException(String reason) {
    super(reason);
  }
}
