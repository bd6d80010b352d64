package com.snackmanager.snack.image;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code snack.images.*}.
 *
 * @param maxSize the largest picture accepted; a bigger upload is a 413
 * @param cacheMaxAge how long browsers and proxies may reuse a picture before revalidating its ETag
 * @param maxSwallowSize how much of a too-large upload is still read (and thrown away, never kept)
 *     so that the client, which is still sending, reliably receives the 413 on a reusable
 *     connection; a body longer than that is cut off and its connection closed
 * @param maxPixels the most pixels (width × height, summed over an animation's frames) a picture
 *     may have, read from its header before anything is decoded: a few kilobytes of PNG can declare
 *     50,000 × 50,000 pixels, 10 GB once decoded. 40 MP holds any phone camera's full resolution;
 *     one such picture takes about 160 MB of heap while it is re-encoded
 */
@ConfigurationProperties("snack.images")
public record ImageProperties(
    @DefaultValue("5MB") DataSize maxSize,
    @DefaultValue("1d") Duration cacheMaxAge,
    @DefaultValue("64MB") DataSize maxSwallowSize,
    @DefaultValue("40000000") long maxPixels) {

  /**
   * The largest multipart request body that can carry a picture of {@link #maxSize()} and the
   * snack's text fields (at most a few kilobytes) with room to spare; anything longer is refused
   * before it is read.
   */
  public long maxRequestBytes() {
    return maxSize.toBytes() + 256 * 1024;
  }
}
