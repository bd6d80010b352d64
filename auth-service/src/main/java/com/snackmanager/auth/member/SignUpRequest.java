package com.snackmanager.auth.member;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /auth/sign-up/}: {@code username} is accepted as an alias of {@code name}. */
public record SignUpRequest(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "kim@example.com") String email,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            description =
                "At least 8 characters, not all digits, not the email, not a common password")
        String password,
    @Schema(description = "Required unless username is sent") String name,
    @Schema(description = "Alias of name (the seed's field name)") String username) {}
