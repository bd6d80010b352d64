package com.snackmanager.auth.token;

/** A token response: a short-lived access token and the refresh token to get the next one. */
public record TokenPair(String access, String refresh) {}
