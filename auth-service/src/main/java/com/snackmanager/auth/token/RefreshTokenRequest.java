package com.snackmanager.auth.token;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /auth/token/refresh/} and {@code /auth/token/revoke/}. */
record RefreshTokenRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String refresh) {}
