package com.snackmanager.snack.idempotency;

/**
 * A response as it was (or will be) sent: a JSON body with its status.
 *
 * @param snackUid the snack the request created, for the {@code Location} header
 * @param replayed whether this is a stored response sent again for a retried request
 */
public record StoredResponse(int status, String body, String snackUid, boolean replayed) {}
