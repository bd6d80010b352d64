package com.snackmanager.auth.member;

/** {@code POST /auth/sign-up/}: {@code username} is accepted as an alias of {@code name}. */
public record SignUpRequest(String email, String password, String name, String username) {}
