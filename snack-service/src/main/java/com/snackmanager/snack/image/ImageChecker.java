package com.snackmanager.snack.image;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Checks and rewrites uploads ({@link UploadedImage#check}) off the event loop, one at a time per
 * process: a picture at the pixel limit takes about 160 MB of heap while it is decoded and encoded
 * again, and two at once would not fit a 768 MiB pod. Others wait in the queue; snacks are
 * registered a few times a day, not a second.
 */
@Component
public class ImageChecker implements DisposableBean {

  private final ImageProperties limits;
  private final Scheduler codec =
      Schedulers.newBoundedElastic(
          1, Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "image-codec", 60, true);

  public ImageChecker(ImageProperties limits) {
    this.limits = limits;
  }

  /** {@link UploadedImage#check}, on a worker thread of its own. */
  public Mono<UploadedImage> check(byte[] bytes) {
    return Mono.fromCallable(() -> UploadedImage.check(bytes, limits)).subscribeOn(codec);
  }

  @Override
  public void destroy() {
    codec.dispose();
  }
}
