package com.snackmanager.snack.catalog;

import com.snackmanager.defaults.idempotency.IdempotencyKey;
import com.snackmanager.defaults.idempotency.IdempotentRequests;
import com.snackmanager.defaults.idempotency.StoredResponse;
import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.Paginated;
import com.snackmanager.defaults.openapi.ProblemResponse;
import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.snack.image.UploadedImage;
import com.snackmanager.snack.web.JsonInput;
import com.snackmanager.snack.web.SnackInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The snack list, registration (JSON or multipart with a picture), one snack, the admin's edit. */
@RestController
@Tag(name = ApiTags.SNACKS)
class SnackController {

  /** Set on a response that is the stored answer to an earlier request with the same key. */
  static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  private final SnackService snacks;
  private final SnackForms forms;

  SnackController(SnackService snacks, SnackForms forms) {
    this.snacks = snacks;
    this.forms = forms;
  }

  @GetMapping(path = "/snacks", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "List snacks (paginated; default order -like_ratio,-like_reaction_count,created_at)")
  @Paginated
  @ProblemResponse(
      status = 400,
      detail =
          "Unknown ordering field \"colour\"; allowed: created_at, hate_reaction_count,"
              + " like_ratio, like_reaction_count, name, price, uid.",
      field = "ordering")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              array = @ArraySchema(schema = @Schema(implementation = SnackView.class))))
  Mono<ResponseEntity<byte[]>> list(
      ServerHttpRequest request,
      @Parameter(description = "Only the snack with this uid") @RequestParam(required = false)
          String uid,
      @Parameter(description = "Name contains (case-insensitive)") @RequestParam(required = false)
          String search,
      @Parameter(description = "ACTIVE or RETIRED") @RequestParam(required = false) String status,
      @Parameter(
              description =
                  "Sort by like_ratio, like_reaction_count, hate_reaction_count, created_at, name,"
                      + " price, uid; comma-separated, - for descending")
          @RequestParam(required = false)
          String ordering) {
    PageQuery page = PageQuery.from(request);
    List<Ordering.Key> order = SnackOrdering.parse(ordering);
    SnackFilter filter =
        new SnackFilter(blankToNull(uid), searchText(search), statusFilter(status));
    // the page comes already encoded (and usually cached as such): no serialization here
    return snacks.list(filter, order, page).map(encoded -> encoded.response(page, request));
  }

  @PostMapping(
      path = "/snacks",
      consumes = {MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Register a snack (JSON, without a picture)")
  @ProblemResponse(status = 400, detail = SnackRules.DUPLICATE_NAME, field = "name")
  @ProblemResponse(status = 409, detail = IdempotentRequests.KEY_REUSED)
  @ApiResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = SnackView.class)))
  Mono<ResponseEntity<byte[]>> registerJson(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = Registration.class)))
          @RequestBody(required = false)
          String body,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
      @AuthenticationPrincipal Jwt token) {
    IdempotencyKey idempotencyKey = IdempotencyKey.parse(key);
    SnackState state = SnackRules.registration(JsonInput.parse(body));
    return register(token, state, null, idempotencyKey);
  }

  @PostMapping(
      path = "/snacks",
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE})
  @Operation(summary = "Register a snack with its picture (JPEG, PNG, WebP or GIF, at most 5 MB)")
  @ProblemResponse(status = 400, detail = SnackRules.DUPLICATE_NAME, field = "name")
  @ProblemResponse(status = 409, detail = IdempotentRequests.KEY_REUSED)
  @ApiResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = SnackView.class)))
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
              schema = @Schema(implementation = RegistrationForm.class),
              encoding = @Encoding(name = "image", contentType = "image/*")))
  Mono<ResponseEntity<byte[]>> registerForm(
      ServerWebExchange exchange,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
      @AuthenticationPrincipal Jwt token) {
    IdempotencyKey idempotencyKey = IdempotencyKey.parse(key);
    return forms
        .read(exchange)
        .flatMap(
            form ->
                register(
                    token, SnackRules.registration(form.input()), form.image(), idempotencyKey));
  }

  @GetMapping("/snacks/{uid}")
  @Operation(summary = "One snack, with its reaction counts")
  @ProblemResponse(status = 404, detail = SnackService.NOT_FOUND)
  Mono<SnackView> one(@PathVariable String uid) {
    return snacks.find(uid).map(SnackView::of);
  }

  @PatchMapping(
      path = "/snacks/{uid}",
      consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
  @Operation(summary = "Edit a snack (admin): name, url, desc, currency, price, status")
  @ProblemResponse(status = 400, detail = SnackRules.DUPLICATE_NAME, field = "name")
  @ProblemResponse(status = 403)
  @ProblemResponse(status = 404, detail = SnackService.NOT_FOUND)
  @ProblemResponse(status = 409, detail = SnackService.CONCURRENT_EDIT)
  Mono<SnackView> edit(
      @PathVariable String uid,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = Edit.class)))
          @RequestBody(required = false)
          String body,
      @AuthenticationPrincipal Jwt token) {
    SnackInput input = JsonInput.parse(body);
    return snacks.edit(AuthenticatedMember.from(token), uid, input).map(SnackView::of);
  }

  private Mono<ResponseEntity<byte[]>> register(
      Jwt token, SnackState state, UploadedImage image, IdempotencyKey key) {
    return snacks
        .register(AuthenticatedMember.from(token), state, image, key)
        .map(StoredResponse::toResponseEntity);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String searchText(String search) {
    String text = blankToNull(search);
    if (text != null && (text.length() > SnackRules.NAME_MAX || text.indexOf('\0') >= 0)) {
      throw ApiException.invalidField(
          "search", "Must be at most " + SnackRules.NAME_MAX + " characters of text.");
    }
    return text;
  }

  private static SnackStatus statusFilter(String raw) {
    String text = blankToNull(raw);
    if (text == null) {
      return null;
    }
    return SnackStatus.parse(text)
        .orElseThrow(() -> ApiException.invalidField("status", SnackStatus.invalidChoice(text)));
  }

  /** The JSON registration body, for the API documentation. */
  @Schema(name = "SnackRegistration")
  record Registration(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://example.com/snack")
          String url,
      @Schema(maxLength = 2000) String desc,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              allowableValues = {"KRW", "USD", "JPY"})
          String currency,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              description = "at least 0; no decimals for KRW and JPY, at most 2 for USD")
          BigDecimal price) {}

  /** The multipart registration form, for the API documentation. */
  @Schema(name = "SnackRegistrationForm")
  record RegistrationForm(
      String name,
      String url,
      String desc,
      String currency,
      String price,
      @Schema(type = "string", format = "binary") String image) {}

  /** The admin's edit body, for the API documentation: any subset of the fields. */
  @Schema(name = "SnackEdit")
  record Edit(
      String name,
      String url,
      String desc,
      @Schema(allowableValues = {"KRW", "USD", "JPY"}) String currency,
      BigDecimal price,
      @Schema(allowableValues = {"ACTIVE", "RETIRED"}) String status) {}
}
