package com.snackmanager.defaults.security;

import com.snackmanager.defaults.web.Problems;
import com.snackmanager.defaults.web.SecurityMessages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security every service shares: a stateless bearer-token resource server whose failures are
 * problem+json. A service declares only who may call what, as a {@link ServiceAccess} bean, from
 * which the auto-configuration builds its chain ({@link #chain}).
 */
public final class SecurityDefaults {

  /** Paths every service leaves open: probes, metrics scraping (cluster-internal), API docs. */
  public static final String[] PUBLIC_PATHS = {
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/info",
    "/actuator/prometheus",
    "/v3/api-docs",
    "/v3/api-docs/**"
  };

  private final Problems problems;

  public SecurityDefaults(Problems problems) {
    this.problems = problems;
  }

  public ServerHttpSecurity apply(ServerHttpSecurity http) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.disable())
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(entryPoint()).accessDeniedHandler(accessDenied()))
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(SnackJwt.authentication()))
                    .authenticationEntryPoint(entryPoint())
                    .accessDeniedHandler(accessDenied()));
  }

  /**
   * The shared security with a service's own rules: its {@link ServiceAccess.Builder#open open}
   * endpoints ignore a bearer token, its endpoint rules come after {@link #PUBLIC_PATHS}.
   */
  public SecurityWebFilterChain chain(ServerHttpSecurity http, ServiceAccess access) {
    ServerHttpSecurity secured = apply(http);
    access
        .tokenIgnoredOn()
        .ifPresent(
            ignoredOn ->
                secured.oauth2ResourceServer(
                    server -> server.bearerTokenConverter(bearerIgnoredOn(ignoredOn))));
    return secured.authorizeExchange(access::authorize).build();
  }

  /**
   * A bearer-token converter that ignores the token on the requests {@code ignoredOn} matches: a
   * stale token a frontend sends along to a public endpoint (sign-in, a picture) must not turn an
   * open request into a 401.
   */
  static ServerBearerTokenAuthenticationConverter bearerIgnoredOn(
      ServerWebExchangeMatcher ignoredOn) {
    return new ServerBearerTokenAuthenticationConverter() {
      @Override
      public Mono<Authentication> convert(ServerWebExchange exchange) {
        return ignoredOn
            .matches(exchange)
            .flatMap(match -> match.isMatch() ? Mono.empty() : super.convert(exchange));
      }
    };
  }

  /**
   * Spring Security's strict firewall with its own rules (no control or unassigned characters in
   * header names and values, parameter names; parameter values are not checked, as by default),
   * checked by a loop instead of its default regular expressions: those ran per character of every
   * header read, the access token included, and took about a third of a service's CPU per request.
   */
  public static ServerWebExchangeFirewall firewall() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowedHeaderNames(text -> isVisibleText(text, false));
    firewall.setAllowedHeaderValues(text -> isVisibleText(text, true));
    firewall.setAllowedParameterNames(text -> isVisibleText(text, false));
    return firewall;
  }

  /**
   * What the firewall's default patterns accept: assigned code points that are not control
   * characters ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), header values also tabs.
   */
  static boolean isVisibleText(String text, boolean tabAllowed) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c < 0x80) {
        if ((c < 0x20 && !(tabAllowed && c == '\t')) || c == 0x7F) {
          return false;
        }
      } else if (Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /** 401: no token, or a token that is not valid (expired, forged, revoked, wrong type). */
  public ServerAuthenticationEntryPoint entryPoint() {
    return (exchange, error) -> {
      boolean sentToken =
          exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
      exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      String detail =
          sentToken ? SecurityMessages.INVALID_TOKEN : SecurityMessages.NOT_AUTHENTICATED;
      return problems.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, detail));
    };
  }

  /** 403: a valid member without the right (most often: not an admin). */
  public ServerAccessDeniedHandler accessDenied() {
    return (exchange, denied) ->
        problems.write(exchange, Problems.of(HttpStatus.FORBIDDEN, SecurityMessages.FORBIDDEN));
  }
}
