package com.snackmanager.auth.token;

/** {@code POST /auth/token/}: the email may come as {@code username} (the seed's field name). */
record LoginRequest(String username, String email, String password) {}
