package com.snackmanager.snack.image;

import java.nio.ByteBuffer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code snack_image} table: one picture per snack, in PostgreSQL with the catalog (backed up,
 * replicated and transactional with the snack; at most 5 MB each), apart from the snack rows so
 * that lists never read them.
 */
@Repository
public class SnackImages {

  private final DatabaseClient db;

  public SnackImages(DatabaseClient db) {
    this.db = db;
  }

  /** Stores the picture of a snack; runs in the snack's registration transaction. */
  public Mono<Void> insert(long snackId, UploadedImage image) {
    return db.sql(
            "INSERT INTO snack_image (snack_id, content_type, size_bytes, sha256, data)"
                + " VALUES (:snackId, :contentType, :size, :sha256, :data)")
        .bind("snackId", snackId)
        .bind("contentType", image.type().contentType())
        .bind("size", image.bytes().length)
        .bind("sha256", image.sha256())
        .bind("data", ByteBuffer.wrap(image.bytes()))
        .then();
  }

  /** The picture of the snack with {@code uid}, without its bytes (enough to answer a 304). */
  public Mono<StoredImage> describe(String uid) {
    return find(uid, false);
  }

  /** The picture of the snack with {@code uid}, with its bytes. */
  public Mono<StoredImage> load(String uid) {
    return find(uid, true);
  }

  private Mono<StoredImage> find(String uid, boolean withData) {
    return db.sql(
            "SELECT i.content_type, i.size_bytes, i.sha256"
                + (withData ? ", i.data" : "")
                + " FROM snack_image i JOIN snack s ON s.id = i.snack_id WHERE s.uid = :uid")
        .bind("uid", uid)
        .map(
            row ->
                new StoredImage(
                    row.get("content_type", String.class),
                    row.get("size_bytes", Integer.class),
                    row.get("sha256", String.class),
                    withData ? bytes(row.get("data", ByteBuffer.class)) : null))
        .one();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
