package com.snackmanager.order.orders;

import com.snackmanager.defaults.idempotency.IdempotencyKey;
import com.snackmanager.defaults.idempotency.IdempotentRequests;
import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.Paginated;
import com.snackmanager.defaults.openapi.ProblemResponse;
import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The order board: list, place, read, edit, move along the status flow, history. */
@RestController
@Tag(name = ApiTags.ORDERS)
class OrderController {

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "List the order board, everyone's orders (paginated; default -created_at)")
  @Paginated
  @Parameters({
    @Parameter(in = ParameterIn.QUERY, name = "uid", description = "Only the order with this uid"),
    @Parameter(
        in = ParameterIn.QUERY,
        name = "status",
        description = "CREATED, APPROVED, ORDERED, SHIPPING, COMPLETED or CANCELLED"),
    @Parameter(
        in = ParameterIn.QUERY,
        name = "user_id",
        description = "Only this member's orders",
        schema = @Schema(type = "integer", minimum = "1")),
    @Parameter(
        in = ParameterIn.QUERY,
        name = "year",
        description = "Created in this year (business time zone)",
        schema = @Schema(type = "integer", minimum = "1", maximum = "9999")),
    @Parameter(
        in = ParameterIn.QUERY,
        name = "month",
        description = "Created in this month, 1-12 (business time zone)",
        schema = @Schema(type = "integer", minimum = "1", maximum = "12")),
    @Parameter(
        in = ParameterIn.QUERY,
        name = "day",
        description = "Created on this day of the month, 1-31 (business time zone)",
        schema = @Schema(type = "integer", minimum = "1", maximum = "31")),
    @Parameter(
        in = ParameterIn.QUERY,
        name = "created_at__gte",
        description = "Created at or after: an ISO-8601 date-time or date",
        example = "2024-03-01T00:00:00+09:00"),
    @Parameter(
        in = ParameterIn.QUERY,
        name = "created_at__lte",
        description = "Created at or before: an ISO-8601 date-time or date",
        example = "2024-03-31")
  })
  @ProblemResponse(
      status = 400,
      detail =
          "status: \"LOST\" is not a valid status; choose one of CREATED, APPROVED, ORDERED,"
              + " SHIPPING, COMPLETED, CANCELLED.")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              array = @ArraySchema(schema = @Schema(implementation = OrderSummary.class))))
  Mono<ResponseEntity<byte[]>> list(
      ServerHttpRequest request,
      @Parameter(description = "Sort by created_at, uid; comma-separated, - for descending")
          @RequestParam(required = false)
          String ordering) {
    PageQuery page = PageQuery.from(request);
    List<Ordering.Key> order =
        Ordering.parse(ordering, Orders.orderingFields(), Orders.DEFAULT_ORDER);
    OrderFilter filter = OrderFilter.from(request.getQueryParams(), orders.businessZone());
    // the page comes already encoded (and usually cached as such): no serialization here
    return orders.list(filter, order, page).map(encoded -> encoded.response(page, request));
  }

  @PostMapping("/orders")
  @Operation(summary = "Place an order (Idempotency-Key makes a retry safe)")
  @ProblemResponse(status = 400, detail = OrderService.SNACK_HELD)
  @ProblemResponse(status = 400, detail = "snacks[0].uid: " + PurchaseRules.UNKNOWN)
  @ProblemResponse(status = 409, detail = IdempotentRequests.KEY_REUSED)
  @ApiResponse(
      responseCode = "201",
      description = "The new order; a repeat with the same Idempotency-Key gets the first answer",
      content = @Content(schema = @Schema(implementation = OrderDetail.class)))
  Mono<ResponseEntity<?>> place(
      @RequestBody OrderRequest request,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
      @AuthenticationPrincipal Jwt token) {
    IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
    return orders
        .place(AuthenticatedMember.from(token), request, key)
        .<ResponseEntity<?>>map(
            placement -> {
              if (placement instanceof OrderService.Keyed keyed) {
                return keyed.response().toResponseEntity();
              }
              OrderDetail created = ((OrderService.Placed) placement).order();
              return ResponseEntity.status(HttpStatus.CREATED)
                  .location(URI.create("/orders/" + created.uid()))
                  .body(created);
            });
  }

  @GetMapping("/orders/{uid}")
  @Operation(summary = "One order, with its purchases")
  @ProblemResponse(status = 404, detail = OrderService.NOT_FOUND)
  Mono<OrderDetail> one(@PathVariable String uid) {
    return orders.detail(uid);
  }

  @PutMapping("/orders/{uid}")
  @Operation(summary = "Replace an order's snacks (its owner or an admin, while it is CREATED)")
  @ProblemResponse(
      status = 400,
      detail = "An order can be edited only while it is CREATED; this one is APPROVED.")
  @ProblemResponse(
      status = 403,
      detail = "Only the member who placed the order or an admin can edit it.")
  @ProblemResponse(status = 404, detail = OrderService.NOT_FOUND)
  @ProblemResponse(status = 409, detail = OrderService.CONFLICT)
  Mono<OrderDetail> revise(
      @PathVariable String uid,
      @RequestBody OrderRequest request,
      @AuthenticationPrincipal Jwt token) {
    return orders.revise(AuthenticatedMember.from(token), uid, request);
  }

  @RequestMapping(
      path = "/orders/{uid}/status",
      method = {RequestMethod.PATCH, RequestMethod.PUT})
  @Operation(summary = "Move an order along its status flow (admin)")
  @ProblemResponse(status = 400, detail = "Cannot change status from CREATED to SHIPPING.")
  @ProblemResponse(status = 403)
  @ProblemResponse(status = 404, detail = OrderService.NOT_FOUND)
  @ProblemResponse(status = 409, detail = OrderService.CONFLICT)
  Mono<OrderDetail> changeStatus(
      @PathVariable String uid,
      @RequestBody StatusChangeRequest request,
      @AuthenticationPrincipal Jwt token) {
    return orders.changeStatus(AuthenticatedMember.from(token), uid, request);
  }

  @GetMapping("/orders/{uid}/history")
  @Operation(summary = "An order's status changes, oldest first")
  @ProblemResponse(status = 404, detail = OrderService.NOT_FOUND)
  Mono<List<HistoryEntry>> history(@PathVariable String uid) {
    return orders.history(uid);
  }
}
