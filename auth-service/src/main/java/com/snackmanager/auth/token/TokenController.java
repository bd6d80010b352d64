package com.snackmanager.auth.token;

import com.snackmanager.auth.web.FieldErrors;
import com.snackmanager.defaults.security.AuthenticatedMember;
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
class TokenController {

  private final TokenService tokens;
  private final SigningKeys keys;

  TokenController(TokenService tokens, SigningKeys keys) {
    this.tokens = tokens;
    this.keys = keys;
  }

  @PostMapping("/auth/token")
  Mono<TokenPair> login(@RequestBody LoginRequest request, ServerWebExchange exchange) {
    FieldErrors errors = new FieldErrors();
    boolean byEmail = request.email() != null || request.username() == null;
    String email =
        errors.required(
            byEmail ? "email" : "username", byEmail ? request.email() : request.username());
    String password = errors.required("password", request.password());
    errors.throwIfAny();
    return tokens
        .login(email, password)
        .doOnError(
            TokenService.Throttled.class,
            throttled ->
                exchange
                    .getResponse()
                    .getHeaders()
                    .set(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, throttled.retryAfter().toSeconds()))));
  }

  @PostMapping("/auth/token/refresh")
  Mono<TokenPair> refresh(@RequestBody RefreshTokenRequest request) {
    FieldErrors errors = new FieldErrors();
    String refresh = errors.required("refresh", request.refresh());
    errors.throwIfAny();
    return tokens.refresh(refresh);
  }

  @PostMapping("/auth/token/revoke")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> revoke(@RequestBody RefreshTokenRequest request, @AuthenticationPrincipal Jwt token) {
    FieldErrors errors = new FieldErrors();
    String refresh = errors.required("refresh", request.refresh());
    errors.throwIfAny();
    return tokens.revoke(AuthenticatedMember.from(token), refresh);
  }

  /** The public JSON Web Key Set every service verifies access tokens with. */
  @GetMapping("/auth/jwks")
  Mono<ResponseEntity<Map<String, Object>>> jwks() {
    return Mono.just(
        ResponseEntity.ok()
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
            .body(keys.jwks()));
  }
}
