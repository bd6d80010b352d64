package com.snackmanager.auth.member;

/** {@code PUT}/{@code PATCH /auth/users/{id}/}: {@code {"member_type": "ADMIN" or "MEMBER"}}. */
public record RoleChangeRequest(String memberType) {}
