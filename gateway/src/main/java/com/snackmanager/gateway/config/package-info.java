/**
 * Where the services live (shared by the routes and the OpenAPI aggregation) and how the gateway
 * uses Redis.
 */
package com.snackmanager.gateway.config;
