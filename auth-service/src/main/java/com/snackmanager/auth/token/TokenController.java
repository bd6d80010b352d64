package com.snackmanager.auth.token;

import com.snackmanager.auth.member.EmailAddress;
import com.snackmanager.defaults.domain.FieldErrors;
import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.ProblemResponse;
import com.snackmanager.defaults.security.AuthenticatedMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Login, refresh, sign-out, and the public keys to check tokens with. */
@RestController
@Tag(name = ApiTags.TOKENS)
class TokenController {

  private final TokenService tokens;
  private final SigningKeys keys;

  TokenController(TokenService tokens, SigningKeys keys) {
    this.tokens = tokens;
    this.keys = keys;
  }

  @PostMapping("/auth/token")
  @Operation(summary = "Sign in: an access and a refresh token for an email and password")
  @SecurityRequirements // open: no token needed (the document's default is a bearer token)
  @ProblemResponse(status = 400, detail = "password: " + FieldErrors.REQUIRED)
  @ProblemResponse(status = 401, detail = TokenService.BAD_CREDENTIALS)
  @ProblemResponse(status = 429, detail = TokenService.TOO_MANY_ATTEMPTS)
  Mono<TokenPair> login(@RequestBody LoginRequest request, ServerWebExchange exchange) {
    FieldErrors errors = new FieldErrors();
    boolean byEmail = request.email() != null || request.username() == null;
    String emailField = byEmail ? "email" : "username";
    String email = errors.required(emailField, byEmail ? request.email() : request.username());
    String password = errors.required("password", request.password());
    if (email != null && email.length() > EmailAddress.MAX_LENGTH) {
      // refused before the throttle is asked: no absurd text ever becomes work for Redis
      errors.add(emailField, EmailAddress.TOO_LONG);
    }
    errors.throwIfAny();
    return tokens
        .login(email, password, ClientAddress.of(exchange.getRequest()))
        .doOnError(
            TokenService.Throttled.class,
            throttled ->
                exchange
                    .getResponse()
                    .getHeaders()
                    .set(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(wholeSeconds(throttled.retryAfter()))));
  }

  /** Retry-After in whole seconds, rounded up: never earlier than the throttle allows. */
  private static long wholeSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  @PostMapping("/auth/token/refresh")
  @Operation(summary = "A new token pair for a refresh token (which is used up)")
  @SecurityRequirements // open: no token needed (the document's default is a bearer token)
  @ProblemResponse(status = 401, detail = TokenService.INVALID_REFRESH)
  Mono<TokenPair> refresh(@RequestBody RefreshTokenRequest request) {
    FieldErrors errors = new FieldErrors();
    String refresh = errors.required("refresh", request.refresh());
    errors.throwIfAny();
    return tokens.refresh(refresh);
  }

  @PostMapping("/auth/token/revoke")
  @Operation(summary = "Sign out: the refresh token's family and this access token stop working")
  @ProblemResponse(status = 400, detail = TokenService.INVALID_REFRESH, field = "refresh")
  @ProblemResponse(status = 403, detail = TokenService.NOT_YOUR_TOKEN)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> revoke(@RequestBody RefreshTokenRequest request, @AuthenticationPrincipal Jwt token) {
    FieldErrors errors = new FieldErrors();
    String refresh = errors.required("refresh", request.refresh());
    errors.throwIfAny();
    return tokens.revoke(AuthenticatedMember.from(token), token, refresh);
  }

  /** The public JSON Web Key Set every service verifies access tokens with. */
  @GetMapping("/auth/jwks")
  @Operation(summary = "The public keys (JWKS) that access tokens are verified with")
  @SecurityRequirements // open: no token needed (the document's default is a bearer token)
  Mono<ResponseEntity<Map<String, Object>>> jwks() {
    return Mono.just(
        ResponseEntity.ok()
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
            .body(keys.jwks()));
  }
}
