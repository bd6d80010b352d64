/**
 * Request rate limits backed by Redis: a token bucket per member, per anonymous client IP, and a
 * stricter one per IP for sign-in; and, before authentication, one per IP for the requests refused
 * for their token ({@link com.snackmanager.gateway.ratelimit.FailedAuthenticationLimit}). One Redis
 * script call per request; open when Redis is down.
 */
package com.snackmanager.gateway.ratelimit;
