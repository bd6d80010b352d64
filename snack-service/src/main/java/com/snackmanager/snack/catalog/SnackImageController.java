package com.snackmanager.snack.catalog;

import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.ProblemResponse;
import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.snack.image.ImageProperties;
import com.snackmanager.snack.image.SnackImages;
import com.snackmanager.snack.image.StoredImage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /snacks/{uid}/image}: public (an {@code <img src>} sends no token), cacheable, and
 * revalidated by its strong ETag, the picture's SHA-256.
 *
 * <p>The bytes were uploaded by a member, so they are served as inert as a browser allows even
 * though they were rewritten on upload ({@link com.snackmanager.snack.image.UploadedImage}): with
 * {@code X-Content-Type-Options: nosniff} (never rendered as anything but the checked type) and
 * {@code Content-Security-Policy: sandbox} (opened directly, the picture is a document in a unique
 * origin without scripts, forms or plugins — nothing can act with the suite's origin).
 */
@RestController
@Tag(name = ApiTags.SNACKS)
class SnackImageController {

  static final String NO_IMAGE = "This snack has no image.";

  /** The policy of an uploaded picture opened as a document: a sandbox, no script, no origin. */
  static final String SANDBOX = "sandbox";

  private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

  private final SnackImages images;
  private final SnackService snacks;
  private final CacheControl cacheControl;

  SnackImageController(SnackImages images, SnackService snacks, ImageProperties properties) {
    this.images = images;
    this.snacks = snacks;
    this.cacheControl = CacheControl.maxAge(properties.cacheMaxAge()).cachePublic();
  }

  @GetMapping("/snacks/{uid}/image")
  @Operation(
      summary = "A snack's picture (public; ETag and If-None-Match)",
      description =
          "The picture as the server rewrote it on upload, in the format uploaded (JPEG, PNG, GIF"
              + " or WebP): re-encoded (WebP: reduced to its image chunks), without EXIF or other"
              + " metadata. Served with Content-Security-Policy: sandbox and"
              + " X-Content-Type-Options: nosniff.")
  @SecurityRequirements
  @ProblemResponse(status = 404, detail = SnackService.NOT_FOUND)
  @ProblemResponse(status = 404, detail = NO_IMAGE)
  Mono<ResponseEntity<byte[]>> image(
      @PathVariable String uid,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    if (!SnackUids.isWellFormed(uid)) {
      return Mono.error(ApiException.notFound(SnackService.NOT_FOUND));
    }
    return images
        .describe(uid)
        .switchIfEmpty(Mono.defer(() -> missing(uid)))
        .flatMap(
            image ->
                matches(ifNoneMatch, image.etag())
                    ? Mono.just(
                        ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                            .eTag(image.etag())
                            .cacheControl(cacheControl)
                            .header(CONTENT_SECURITY_POLICY, SANDBOX)
                            .<byte[]>build())
                    : images.load(uid).map(this::picture));
  }

  private ResponseEntity<byte[]> picture(StoredImage image) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(image.contentType()))
        .contentLength(image.size())
        .eTag(image.etag())
        .cacheControl(cacheControl)
        // uploaded content: never let a browser guess another type than the one we checked
        .header("X-Content-Type-Options", "nosniff")
        .header(CONTENT_SECURITY_POLICY, SANDBOX)
        .body(image.bytes());
  }

  private Mono<StoredImage> missing(String uid) {
    return snacks
        .exists(uid)
        .flatMap(
            exists ->
                Mono.error(ApiException.notFound(exists ? NO_IMAGE : SnackService.NOT_FOUND)));
  }

  /** RFC 9110 If-None-Match: {@code *} or a list of tags, compared weakly. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
