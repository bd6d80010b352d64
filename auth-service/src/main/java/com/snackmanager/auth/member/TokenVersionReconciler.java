package com.snackmanager.auth.member;

import com.snackmanager.defaults.security.TokenVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The database holds every member's token version; Redis only a copy for the other services. Every
 * couple of seconds this re-publishes the versions Redis lacks, so a flushed Redis or a failed
 * write after a resignation or role change heals itself.
 */
@Component
class TokenVersionReconciler {

  private static final Logger log = LoggerFactory.getLogger(TokenVersionReconciler.class);

  private final Members members;
  private final TokenVersions versions;
  private volatile boolean failing;

  TokenVersionReconciler(Members members, TokenVersions versions) {
    this.members = members;
    this.versions = versions;
  }

  @Scheduled(
      fixedDelayString = "${snack.auth.token-version-reconcile-interval:2s}",
      initialDelayString = "${snack.auth.token-version-reconcile-interval:2s}")
  Mono<Void> reconcile() {
    return members
        .revokedTokenVersions()
        // Redis is re-read several times a second: publish only what it lacked when last read
        .filter(member -> !versions.isPublished(Long.toString(member.memberId()), member.version()))
        .concatMap(member -> versions.raise(member.memberId(), member.version()))
        .then()
        .doOnSuccess(
            done -> {
              if (failing) {
                log.info("Token versions are published again");
                failing = false;
              }
            })
        .onErrorResume(
            e -> {
              if (!failing) {
                log.warn("Cannot re-publish token versions (will retry): {}", e.toString());
                failing = true;
              }
              return Mono.empty();
            });
  }
}
