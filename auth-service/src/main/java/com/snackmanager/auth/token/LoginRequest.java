package com.snackmanager.auth.token;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /auth/token/}: the email may come as {@code username} (the seed's field name). */
record LoginRequest(
    @Schema(description = "Alias of email (the seed's field name)") String username,
    @Schema(description = "Required unless username is sent", example = "kim@example.com")
        String email,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String password) {}
