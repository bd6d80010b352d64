/**
 * Routing to the services (the routes themselves are in {@code application.yml}): the 503 answer
 * when a service is down or too slow, and the response headers the gateway owns.
 */
package com.snackmanager.gateway.routing;
