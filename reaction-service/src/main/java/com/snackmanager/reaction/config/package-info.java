/**
 * The reaction-service's wiring: resource-server security (every reaction endpoint needs a member),
 * the topics it produces and consumes, its settings and OpenAPI.
 */
package com.snackmanager.reaction.config;
