package com.snackmanager.auth.member;

import com.snackmanager.auth.web.Detail;
import com.snackmanager.defaults.domain.FieldErrors;
import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.Paginated;
import com.snackmanager.defaults.openapi.ProblemResponse;
import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Sign-up, the profile, the admin's member management and resignation. */
@RestController
@Tag(name = ApiTags.MEMBERS)
class MemberController {

  static final String RESIGNED = "You have resigned. Your account is closed.";
  static final String INVALID_BOOLEAN = "Must be true or false.";

  private final MemberService members;

  MemberController(MemberService members) {
    this.members = members;
  }

  @PostMapping("/auth/sign-up")
  @Operation(summary = "Sign up: a new member, who then signs in with POST /auth/token")
  @SecurityRequirements // open: no token needed (the document's default is a bearer token)
  @ProblemResponse(status = 400, detail = SignUpRules.EMAIL_TAKEN, field = "email")
  @ProblemResponse(status = 400, detail = SignUpRules.EMAIL_RESIGNED, field = "email")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<MemberProfile> signUp(@RequestBody SignUpRequest request) {
    return members.signUp(request).map(MemberProfile::of);
  }

  @GetMapping("/auth/users/profile")
  @Operation(summary = "My profile")
  Mono<MemberProfile> profile(@AuthenticationPrincipal Jwt token) {
    return members.profile(AuthenticatedMember.from(token)).map(MemberProfile::of);
  }

  @GetMapping("/auth/users")
  @Operation(summary = "List members (admin; paginated, default order id)")
  @Paginated
  @ProblemResponse(status = 400, detail = INVALID_BOOLEAN, field = "is_deleted")
  @ProblemResponse(status = 403)
  Mono<ResponseEntity<List<MemberListItem>>> list(
      ServerHttpRequest request,
      @Parameter(description = "MEMBER or ADMIN")
          @RequestParam(name = "member_type", required = false)
          String memberType,
      @Parameter(description = "true: resigned members only; false: active members only")
          @RequestParam(name = "is_deleted", required = false)
          String deleted,
      @Parameter(description = "Email or name contains (case-insensitive)")
          @RequestParam(required = false)
          String search,
      @Parameter(
              description =
                  "Sort by id, email, name, member_type, date_joined, last_login;"
                      + " comma-separated, - for descending")
          @RequestParam(required = false)
          String ordering) {
    PageQuery page = PageQuery.from(request);
    List<Ordering.Key> order =
        Ordering.parse(ordering, Members.orderingFields(), Members.DEFAULT_ORDER);
    Members.Filter filter =
        new Members.Filter(memberTypeFilter(memberType), deletedFilter(deleted), search);
    return members
        .list(filter, order, page)
        .map(
            result ->
                ResponseEntity.ok()
                    .headers(page.headers(request, result.total()))
                    .body(result.members().stream().map(MemberListItem::of).toList()));
  }

  @GetMapping("/auth/users/{id}")
  @Operation(summary = "One member (admin)")
  @ProblemResponse(status = 403)
  @ProblemResponse(status = 404, detail = MemberService.NOT_FOUND)
  Mono<MemberListItem> one(@PathVariable String id) {
    return members.find(memberId(id)).map(MemberListItem::of);
  }

  @RequestMapping(
      path = "/auth/users/{id}",
      method = {RequestMethod.PUT, RequestMethod.PATCH})
  @Operation(summary = "Promote a member to admin or demote an admin (admin)")
  @ProblemResponse(status = 400, detail = AdminRules.LAST_ADMIN_DEMOTED)
  @ProblemResponse(status = 403)
  @ProblemResponse(status = 404, detail = MemberService.NOT_FOUND)
  Mono<MemberListItem> changeRole(
      @PathVariable String id,
      @RequestBody RoleChangeRequest request,
      @AuthenticationPrincipal Jwt token) {
    return changedRole(id, request, token);
  }

  @DeleteMapping("/auth/users/resign")
  @Operation(summary = "Resign: close my account (kept, marked deleted; the email cannot return)")
  @ProblemResponse(status = 400, detail = AdminRules.LAST_ADMIN_RESIGNED)
  Mono<Detail> resign(@AuthenticationPrincipal Jwt token) {
    return members.resign(AuthenticatedMember.from(token)).thenReturn(new Detail(RESIGNED));
  }

  private Mono<MemberListItem> changedRole(String id, RoleChangeRequest request, Jwt token) {
    long memberId = memberId(id);
    FieldErrors errors = new FieldErrors();
    String raw = errors.required("member_type", request.memberType());
    MemberType type = null;
    if (raw != null) {
      type = MemberType.parse(raw).orElse(null);
      if (type == null) {
        errors.add("member_type", MemberType.invalidChoice(raw));
      }
    }
    errors.throwIfAny();
    return members
        .changeRole(AuthenticatedMember.from(token), memberId, type)
        .map(MemberListItem::of);
  }

  /** Ids are positive numbers; anything else names no member. */
  private static long memberId(String raw) {
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException notANumber) {
      // falls through to the 404
    }
    throw ApiException.notFound(MemberService.NOT_FOUND);
  }

  private static MemberType memberTypeFilter(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return MemberType.parse(raw.trim())
        .orElseThrow(() -> ApiException.invalidField("member_type", MemberType.invalidChoice(raw)));
  }

  private static Boolean deletedFilter(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw ApiException.invalidField("is_deleted", INVALID_BOOLEAN);
    };
  }
}
