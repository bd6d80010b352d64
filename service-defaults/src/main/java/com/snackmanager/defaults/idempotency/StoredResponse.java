package com.snackmanager.defaults.idempotency;

/**
 * A response as it was (or will be) sent: a JSON body with its status, kept byte for byte.
 *
 * @param location the {@code Location} header of the response, or {@code null}
 * @param replayed whether this is the stored response sent again for a retried request
 */
public record StoredResponse(int status, String body, String location, boolean replayed) {

  /** A fresh response, about to be stored. */
  public static StoredResponse of(int status, String body, String location) {
    return new StoredResponse(status, body, location, false);
  }
}
