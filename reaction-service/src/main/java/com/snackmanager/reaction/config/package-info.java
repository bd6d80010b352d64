/**
 * The reaction-service's wiring: bearer authentication (every reaction endpoint needs a member),
 * the topics it produces and consumes, and its settings. Its OpenAPI document comes from
 * service-defaults.
 */
package com.snackmanager.reaction.config;
