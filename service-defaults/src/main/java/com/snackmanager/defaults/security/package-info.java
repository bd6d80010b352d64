/**
 * Resource-server security shared by the gateway and every service: RS256 JWTs checked against the
 * auth-service's JWKS, plus a per-member token version kept in Redis so that a resigned member's or
 * demoted admin's old tokens stop working within a second everywhere.
 */
package com.snackmanager.defaults.security;
