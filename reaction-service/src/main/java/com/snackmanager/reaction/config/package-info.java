/**
 * The reaction-service's wiring: bearer authentication (every reaction endpoint needs a member),
 * the topics it produces and consumes, and its settings ({@link
 * com.snackmanager.reaction.config.ReactionProperties}, {@code snack.reactions.*}, read by the
 * reactions packages). Its OpenAPI document comes from service-defaults.
 */
package com.snackmanager.reaction.config;
