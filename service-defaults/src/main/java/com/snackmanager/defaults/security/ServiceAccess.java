package com.snackmanager.defaults.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what in a service that keeps Spring Security's chain: all a service declares, as a
 * bean; service-defaults builds the {@code SecurityWebFilterChain} from it ({@link
 * SecurityDefaults#chain}). Rules are checked in this order, whatever the order of declaration:
 * {@link SecurityDefaults#PUBLIC_PATHS}, then {@link Builder#open open}, {@link
 * Builder#openCheckingToken open checking a token}, {@link Builder#authenticated authenticated} and
 * {@link Builder#admin admin} endpoints, then the rule for every other request. Admins are members
 * too (every valid token grants {@code ROLE_MEMBER}, see {@link SnackJwt#authentication()}).
 *
 * <pre>{@code
 * ServiceAccess.builder()
 *     .open(HttpMethod.GET, "/snacks/{uid}/image")
 *     .admin(HttpMethod.PATCH, "/snacks/{uid}")
 *     .otherwiseAuthenticated();
 * }</pre>
 */
public final class ServiceAccess {

  /** What a request that no endpoint rule names needs. */
  enum Otherwise {
    /** Any valid access token. */
    AUTHENTICATED,
    /** A valid access token granting {@code ROLE_MEMBER}. */
    MEMBER
  }

  /** Requests to {@code patterns} with {@code method}, or with any method when it is null. */
  record Endpoints(HttpMethod method, List<String> patterns) {

    Endpoints {
      if (patterns.isEmpty()) {
        throw new IllegalArgumentException("Endpoints need at least one path pattern");
      }
      patterns = List.copyOf(patterns);
    }

    ServerWebExchangeMatcher matcher() {
      String[] paths = patterns.toArray(String[]::new);
      return method == null
          ? ServerWebExchangeMatchers.pathMatchers(paths)
          : ServerWebExchangeMatchers.pathMatchers(method, paths);
    }

    AuthorizeExchangeSpec.Access in(AuthorizeExchangeSpec exchanges) {
      String[] paths = patterns.toArray(String[]::new);
      return method == null ? exchanges.pathMatchers(paths) : exchanges.pathMatchers(method, paths);
    }
  }

  private final List<Endpoints> open;
  private final List<Endpoints> openCheckingToken;
  private final List<Endpoints> authenticated;
  private final List<Endpoints> admin;
  private final Otherwise otherwise;

  private ServiceAccess(Builder builder, Otherwise otherwise) {
    this.open = List.copyOf(builder.open);
    this.openCheckingToken = List.copyOf(builder.openCheckingToken);
    this.authenticated = List.copyOf(builder.authenticated);
    this.admin = List.copyOf(builder.admin);
    this.otherwise = otherwise;
  }

  public static Builder builder() {
    return new Builder();
  }

  Otherwise otherwise() {
    return otherwise;
  }

  /** The requests whose bearer token is not looked at: the {@link Builder#open open} endpoints. */
  Optional<ServerWebExchangeMatcher> tokenIgnoredOn() {
    List<ServerWebExchangeMatcher> matchers = open.stream().map(Endpoints::matcher).toList();
    return switch (matchers.size()) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(matchers.get(0));
      default -> Optional.of(new OrServerWebExchangeMatcher(matchers));
    };
  }

  void authorize(AuthorizeExchangeSpec exchanges) {
    exchanges.pathMatchers(SecurityDefaults.PUBLIC_PATHS).permitAll();
    open.forEach(endpoints -> endpoints.in(exchanges).permitAll());
    openCheckingToken.forEach(endpoints -> endpoints.in(exchanges).permitAll());
    authenticated.forEach(endpoints -> endpoints.in(exchanges).authenticated());
    admin.forEach(endpoints -> endpoints.in(exchanges).hasRole(AuthenticatedMember.ADMIN));
    switch (otherwise) {
      case AUTHENTICATED -> exchanges.anyExchange().authenticated();
      case MEMBER -> exchanges.anyExchange().hasRole(AuthenticatedMember.MEMBER);
    }
  }

  /**
   * Collects the endpoint rules; {@link #otherwiseAuthenticated} or {@link #otherwiseMember} ends.
   */
  public static final class Builder {

    private final List<Endpoints> open = new ArrayList<>();
    private final List<Endpoints> openCheckingToken = new ArrayList<>();
    private final List<Endpoints> authenticated = new ArrayList<>();
    private final List<Endpoints> admin = new ArrayList<>();

    private Builder() {}

    /**
     * Anyone may call these, and a bearer token sent along is not looked at: a stale token that a
     * frontend attaches to every call (sign-in, a picture) must not turn an open request into a
     * 401.
     */
    public Builder open(HttpMethod method, String... patterns) {
      open.add(new Endpoints(method, List.of(patterns)));
      return this;
    }

    /** {@link #open(HttpMethod, String...)} for every method. */
    public Builder open(String... patterns) {
      return open(null, patterns);
    }

    /**
     * Anyone may call these without a token, but one sent along must be valid (401 otherwise), as
     * on {@link SecurityDefaults#PUBLIC_PATHS}.
     */
    public Builder openCheckingToken(HttpMethod method, String... patterns) {
      openCheckingToken.add(new Endpoints(method, List.of(patterns)));
      return this;
    }

    /** Any valid token, even where an {@link #admin} pattern also matches. */
    public Builder authenticated(HttpMethod method, String... patterns) {
      authenticated.add(new Endpoints(method, List.of(patterns)));
      return this;
    }

    /** {@link #authenticated(HttpMethod, String...)} for every method. */
    public Builder authenticated(String... patterns) {
      return authenticated(null, patterns);
    }

    /** Admins only: a member without {@code ROLE_ADMIN} gets a 403. */
    public Builder admin(HttpMethod method, String... patterns) {
      admin.add(new Endpoints(method, List.of(patterns)));
      return this;
    }

    /** {@link #admin(HttpMethod, String...)} for every method. */
    public Builder admin(String... patterns) {
      return admin(null, patterns);
    }

    /** Every other request needs a valid access token. */
    public ServiceAccess otherwiseAuthenticated() {
      return new ServiceAccess(this, Otherwise.AUTHENTICATED);
    }

    /** Every other request needs a member's access token ({@code ROLE_MEMBER}). */
    public ServiceAccess otherwiseMember() {
      return new ServiceAccess(this, Otherwise.MEMBER);
    }
  }
}
