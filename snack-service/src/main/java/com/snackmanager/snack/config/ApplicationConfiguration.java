package com.snackmanager.snack.config;

import com.snackmanager.snack.image.ImageProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own settings. (Idempotency-Key handling, with its purge, comes from
 * service-defaults: {@code snack.idempotency.*}.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImageProperties.class)
class ApplicationConfiguration {}
