package com.snackmanager.reaction.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** {@code snack.reactions.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReactionProperties.class)
class ReactionConfiguration {}
