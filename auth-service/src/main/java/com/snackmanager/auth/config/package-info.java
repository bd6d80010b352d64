/**
 * The auth-service's wiring: its own resource-server security (tokens checked against its local
 * key, no HTTP call to itself), strict JSON input, the users topic, OpenAPI and scheduling.
 */
package com.snackmanager.auth.config;
