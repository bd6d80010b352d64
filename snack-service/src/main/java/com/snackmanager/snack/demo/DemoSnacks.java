package com.snackmanager.snack.demo;

import com.snackmanager.snack.catalog.SnackRules;
import com.snackmanager.snack.catalog.SnackService;
import com.snackmanager.snack.catalog.SnackState;
import com.snackmanager.snack.image.ImageProperties;
import com.snackmanager.snack.image.UploadedImage;
import com.snackmanager.snack.web.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers the demo snacks whose names are free, as the system (member id 0), through the same
 * path (checks, outbox event) as a member's registration. Idempotent, and safe to run from several
 * replicas at once: the database's unique name decides, and a taken name is skipped.
 */
@Component
public class DemoSnacks {

  /** The member id demo snacks are registered by: nobody, the system. */
  public static final long SYSTEM = 0;

  static final String FOLDER = "demo/snacks/";

  private final SnackService snacks;
  private final ImageProperties images;

  DemoSnacks(SnackService snacks, ImageProperties images) {
    this.snacks = snacks;
    this.images = images;
  }

  /** A demo snack: its checked fields and picture. */
  public record DemoSnack(SnackState state, UploadedImage image) {}

  /**
   * @return how many snacks were registered (0 when all of them exist already)
   */
  public Mono<Long> load() {
    return Mono.fromCallable(this::snacks)
        .subscribeOn(Schedulers.boundedElastic())
        .flatMapMany(Flux::fromIterable)
        .concatMap(snack -> snacks.registerIfNameFree(SYSTEM, snack.state(), snack.image()))
        .count();
  }

  /** The demo snacks from {@code demo/snacks/snacks.json}, checked like a registration. */
  public List<DemoSnack> snacks() {
    return read(images);
  }

  private static List<DemoSnack> read(ImageProperties images) {
    JsonNode list = JsonInput.tree(text(FOLDER + "snacks.json"));
    List<DemoSnack> snacks = new ArrayList<>();
    for (JsonNode entry : list) {
      // the picture's file name sits beside the registration's fields
      ObjectNode fields = (ObjectNode) entry.deepCopy();
      JsonNode image = fields.remove("image");
      SnackState state = SnackRules.registration(JsonInput.fields(fields));
      UploadedImage picture =
          image == null || image.isNull()
              ? null
              : UploadedImage.check(bytes(FOLDER + image.stringValue()), images);
      snacks.add(new DemoSnack(state, picture));
    }
    return snacks;
  }

  private static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read demo data " + path, e);
    }
  }
}
