/**
 * What every Snack Manager service gets the same way, set up once: RFC 9457 errors, trailing-slash
 * tolerance, pagination and ordering parameters, JWT resource-server security with near-instant
 * token revocation, and the shared configuration defaults (JSON naming, actuator, infrastructure
 * endpoints from {@code SNACK_*} variables).
 */
package com.snackmanager.defaults;
