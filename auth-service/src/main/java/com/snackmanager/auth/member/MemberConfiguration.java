package com.snackmanager.auth.member;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/** The plain-Java rules and the password hasher, as beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BootstrapAdminProperties.class)
class MemberConfiguration {

  @Bean
  PasswordHasher passwordHasher(@Value("${snack.auth.password-strength:10}") int strength) {
    return new PasswordHasher(strength, Schedulers.boundedElastic());
  }

  @Bean
  SignUpRules signUpRules() {
    return new SignUpRules(new PasswordPolicy(CommonPasswords.fromClasspath()));
  }
}
