package com.snackmanager.auth.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code snack.auth.login-throttle.*}: after {@code maxFailures} failed logins for one email within
 * {@code window}, further attempts are refused (429) until the window ends.
 */
@ConfigurationProperties("snack.auth.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window) {}
