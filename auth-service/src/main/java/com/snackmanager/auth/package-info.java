/**
 * The auth-service: members (sign-up, roles, resignation), RS256 access and refresh tokens, and the
 * JSON Web Key Set every other service validates tokens against.
 */
package com.snackmanager.auth;
