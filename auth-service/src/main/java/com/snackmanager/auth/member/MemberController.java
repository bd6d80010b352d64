package com.snackmanager.auth.member;

import com.snackmanager.auth.web.Detail;
import com.snackmanager.defaults.domain.FieldErrors;
import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Sign-up, the profile, the admin's member management and resignation. */
@RestController
class MemberController {

  static final String RESIGNED = "You have resigned. Your account is closed.";
  static final String INVALID_BOOLEAN = "Must be true or false.";

  private final MemberService members;

  MemberController(MemberService members) {
    this.members = members;
  }

  @PostMapping("/auth/sign-up")
  @SecurityRequirements // open: no token needed (the document's default is a bearer token)
  @ResponseStatus(HttpStatus.CREATED)
  Mono<MemberProfile> signUp(@RequestBody SignUpRequest request) {
    return members.signUp(request).map(MemberProfile::of);
  }

  @GetMapping("/auth/users/profile")
  Mono<MemberProfile> profile(@AuthenticationPrincipal Jwt token) {
    return members.profile(AuthenticatedMember.from(token)).map(MemberProfile::of);
  }

  @GetMapping("/auth/users")
  Mono<ResponseEntity<List<MemberListItem>>> list(
      ServerHttpRequest request,
      @RequestParam(name = "member_type", required = false) String memberType,
      @RequestParam(name = "is_deleted", required = false) String deleted,
      @RequestParam(required = false) String search,
      @RequestParam(required = false) String ordering) {
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
  Mono<MemberListItem> one(@PathVariable String id) {
    return members.find(memberId(id)).map(MemberListItem::of);
  }

  @PutMapping("/auth/users/{id}")
  Mono<MemberListItem> replaceRole(
      @PathVariable String id,
      @RequestBody RoleChangeRequest request,
      @AuthenticationPrincipal Jwt token) {
    return changeRole(id, request, token);
  }

  @PatchMapping("/auth/users/{id}")
  Mono<MemberListItem> updateRole(
      @PathVariable String id,
      @RequestBody RoleChangeRequest request,
      @AuthenticationPrincipal Jwt token) {
    return changeRole(id, request, token);
  }

  @DeleteMapping("/auth/users/resign")
  Mono<Detail> resign(@AuthenticationPrincipal Jwt token) {
    return members.resign(AuthenticatedMember.from(token)).thenReturn(new Detail(RESIGNED));
  }

  private Mono<MemberListItem> changeRole(String id, RoleChangeRequest request, Jwt token) {
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
