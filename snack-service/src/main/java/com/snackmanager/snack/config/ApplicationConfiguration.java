package com.snackmanager.snack.config;

import com.snackmanager.snack.idempotency.IdempotencyProperties;
import com.snackmanager.snack.image.ImageProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The service's own settings, and scheduling (the purge of expired idempotency keys). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ImageProperties.class, IdempotencyProperties.class})
@EnableScheduling
class ApplicationConfiguration {}
