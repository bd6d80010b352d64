package com.snackmanager.order.orders;

import com.snackmanager.defaults.idempotency.IdempotencyKey;
import com.snackmanager.defaults.idempotency.StoredResponse;
import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The order board: list, place, read, edit, move along the status flow, history. */
@RestController
class OrderController {

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              array = @ArraySchema(schema = @Schema(implementation = OrderSummary.class))))
  Mono<ResponseEntity<byte[]>> list(
      ServerHttpRequest request, @RequestParam(required = false) String ordering) {
    PageQuery page = PageQuery.from(request);
    List<Ordering.Key> order =
        Ordering.parse(ordering, Orders.orderingFields(), Orders.DEFAULT_ORDER);
    OrderFilter filter = OrderFilter.from(request.getQueryParams(), orders.businessZone());
    // the page comes already encoded (and usually cached as such): no serialization here
    return orders.list(filter, order, page).map(encoded -> encoded.response(page, request));
  }

  @PostMapping("/orders")
  @ApiResponse(
      responseCode = "201",
      description = "The new order; a repeat with the same Idempotency-Key gets the first answer",
      content = @Content(schema = @Schema(implementation = OrderDetail.class)))
  Mono<ResponseEntity<Object>> place(
      @RequestBody OrderRequest request,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
      @AuthenticationPrincipal Jwt token) {
    IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
    return orders
        .place(AuthenticatedMember.from(token), request, key)
        .map(
            placement -> {
              if (placement instanceof OrderService.Keyed keyed) {
                return stored(keyed.response());
              }
              OrderDetail created = ((OrderService.Placed) placement).order();
              return ResponseEntity.status(HttpStatus.CREATED)
                  .location(URI.create("/orders/" + created.uid()))
                  .body(created);
            });
  }

  /** The stored bytes of a keyed request's answer, exactly as they were first sent. */
  private static ResponseEntity<Object> stored(StoredResponse stored) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON);
    if (stored.location() != null) {
      response.location(URI.create(stored.location()));
    }
    if (stored.replayed()) {
      response.header(IdempotencyKey.REPLAYED_HEADER, "true");
    }
    return response.body(stored.body().getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/orders/{uid}")
  Mono<OrderDetail> one(@PathVariable String uid) {
    return orders.detail(uid);
  }

  @PutMapping("/orders/{uid}")
  Mono<OrderDetail> revise(
      @PathVariable String uid,
      @RequestBody OrderRequest request,
      @AuthenticationPrincipal Jwt token) {
    return orders.revise(AuthenticatedMember.from(token), uid, request);
  }

  @PatchMapping("/orders/{uid}/status")
  Mono<OrderDetail> updateStatus(
      @PathVariable String uid,
      @RequestBody StatusChangeRequest request,
      @AuthenticationPrincipal Jwt token) {
    return orders.changeStatus(AuthenticatedMember.from(token), uid, request);
  }

  @PutMapping("/orders/{uid}/status")
  Mono<OrderDetail> replaceStatus(
      @PathVariable String uid,
      @RequestBody StatusChangeRequest request,
      @AuthenticationPrincipal Jwt token) {
    return orders.changeStatus(AuthenticatedMember.from(token), uid, request);
  }

  @GetMapping("/orders/{uid}/history")
  Mono<List<HistoryEntry>> history(@PathVariable String uid) {
    return orders.history(uid);
  }
}
