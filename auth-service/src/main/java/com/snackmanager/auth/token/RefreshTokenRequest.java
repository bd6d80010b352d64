package com.snackmanager.auth.token;

/** {@code POST /auth/token/refresh/} and {@code /auth/token/revoke/}. */
record RefreshTokenRequest(String refresh) {}
