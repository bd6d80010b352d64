/**
 * Request rate limits backed by Redis: a token bucket per member, per anonymous client IP, and a
 * stricter one per IP for sign-in. One Redis script call per request; open when Redis is down.
 */
package com.snackmanager.gateway.ratelimit;
