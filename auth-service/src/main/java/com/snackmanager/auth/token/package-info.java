/**
 * Tokens: the RS256 signing key and its JSON Web Key Set, login with per-email throttling, access
 * and refresh tokens, refresh rotation with reuse detection (a reused refresh token revokes its
 * whole family), and sign-out.
 */
package com.snackmanager.auth.token;
