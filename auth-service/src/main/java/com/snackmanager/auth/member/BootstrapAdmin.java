package com.snackmanager.auth.member;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates the configured admin at start-up unless a member with that email exists. Idempotent, and
 * safe when several replicas start at once: the email's unique index lets exactly one insert win.
 * An existing member with that email is left as it is (never promoted nor given a new password).
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

  private final BootstrapAdminProperties properties;
  private final Members members;
  private final MemberService service;
  private final PasswordHasher hasher;

  BootstrapAdmin(
      BootstrapAdminProperties properties,
      Members members,
      MemberService service,
      PasswordHasher hasher) {
    this.properties = properties;
    this.members = members;
    this.service = service;
    this.hasher = hasher;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensureAdmin().block(Duration.ofMinutes(1));
  }

  /**
   * @return whether this call created the admin
   */
  Mono<Boolean> ensureAdmin() {
    if (!properties.isSet()) {
      log.info("No bootstrap admin configured (SNACK_ADMIN_EMAIL / SNACK_ADMIN_PASSWORD)");
      return Mono.just(false);
    }
    String email =
        EmailAddress.normalize(properties.email())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "SNACK_ADMIN_EMAIL is not a valid email address: " + properties.email()));
    return members
        .findByEmail(email)
        .map(existing -> reportExisting(existing))
        .switchIfEmpty(
            hasher
                .hash(properties.password())
                .flatMap(hash -> service.register(email, hash, properties.name(), MemberType.ADMIN))
                .map(
                    created -> {
                      log.info("Created the bootstrap admin {} (id {})", email, created.id());
                      return true;
                    })
                // another replica created it first
                .switchIfEmpty(Mono.fromCallable(() -> false)));
  }

  private boolean reportExisting(Member existing) {
    if (!existing.isActiveAdmin()) {
      log.warn(
          "The bootstrap admin email {} belongs to member {} who is not an active admin; left as it"
              + " is",
          existing.email(),
          existing.id());
    }
    return false;
  }
}
