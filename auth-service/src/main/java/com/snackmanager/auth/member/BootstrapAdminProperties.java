package com.snackmanager.auth.member;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code snack.admin.*}, bound to {@code SNACK_ADMIN_EMAIL} and {@code SNACK_ADMIN_PASSWORD}: the
 * first admin of a fresh install. Unset (blank) means no bootstrap admin.
 */
@ConfigurationProperties("snack.admin")
public record BootstrapAdminProperties(
    String email, String password, @DefaultValue("Admin") String name) {

  boolean isSet() {
    return email != null && !email.isBlank() && password != null && !password.isEmpty();
  }
}
