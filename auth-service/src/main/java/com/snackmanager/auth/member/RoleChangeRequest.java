package com.snackmanager.auth.member;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code PUT}/{@code PATCH /auth/users/{id}/}: {@code {"member_type": "ADMIN" or "MEMBER"}}. */
public record RoleChangeRequest(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"ADMIN", "MEMBER"})
        String memberType) {}
