package com.snackmanager.defaults.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

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

  /**
   * The response to send: the stored JSON exactly as it was first sent (bytes, so no encoder quotes
   * it again), its {@code Location}, and {@value IdempotencyKey#REPLAYED_HEADER} on a replay.
   */
  public ResponseEntity<byte[]> toResponseEntity() {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
    if (location != null) {
      response.location(URI.create(location));
    }
    if (replayed) {
      response.header(IdempotencyKey.REPLAYED_HEADER, "true");
    }
    return response.body(body.getBytes(StandardCharsets.UTF_8));
  }
}
