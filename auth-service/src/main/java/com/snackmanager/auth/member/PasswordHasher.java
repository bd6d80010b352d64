package com.snackmanager.auth.member;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * bcrypt hashing. Each hash costs tens of milliseconds of CPU, so it runs on a worker scheduler,
 * never on the event loop. A check against an unknown account costs the same as a real one (see
 * {@link #matches}), so response times do not reveal which emails exist.
 */
public class PasswordHasher {

  private final BCryptPasswordEncoder encoder;
  private final Scheduler scheduler;
  private final String decoyHash;

  public PasswordHasher(int strength, Scheduler scheduler) {
    this.encoder = new BCryptPasswordEncoder(strength);
    this.scheduler = scheduler;
    this.decoyHash = encoder.encode("decoy password that matches nothing");
  }

  public Mono<String> hash(String password) {
    return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(scheduler);
  }

  /**
   * Whether {@code password} matches {@code hash}; with a {@code null} hash (no such account) the
   * same work is done against a decoy and the answer is {@code false}.
   */
  public Mono<Boolean> matches(String password, String hash) {
    return Mono.fromCallable(
            () -> {
              boolean usable =
                  password.getBytes(StandardCharsets.UTF_8).length <= PasswordPolicy.MAX_BYTES;
              String candidate = usable ? password : "too long to have been accepted";
              boolean matched = encoder.matches(candidate, hash == null ? decoyHash : hash);
              return usable && hash != null && matched;
            })
        .subscribeOn(scheduler);
  }
}
