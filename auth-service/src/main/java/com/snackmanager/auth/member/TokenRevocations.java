package com.snackmanager.auth.member;

import com.snackmanager.defaults.security.TokenVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes a raised token version to every service (through {@link TokenVersions}) once the change
 * that raised it has committed. A failed write is logged, not reported to the client: the change is
 * already committed, and {@link TokenVersionReconciler} re-publishes it from the database within
 * seconds.
 */
@Component
class TokenRevocations {

  private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

  private final TokenVersions versions;

  TokenRevocations(TokenVersions versions) {
    this.versions = versions;
  }

  Mono<Void> publish(Member member) {
    return versions
        .raise(member.id(), member.tokenVersion())
        .onErrorResume(
            e -> {
              log.warn(
                  "Could not publish token version {} of member {} (the reconciler retries): {}",
                  member.tokenVersion(),
                  member.id(),
                  e.toString());
              return Mono.empty();
            });
  }
}
