/**
 * The order-service's wiring: resource-server security (members read and order, admins move
 * orders), strict JSON, the topics it produces and consumes, the clock and business time zone,
 * OpenAPI and scheduling.
 */
package com.snackmanager.order.config;
