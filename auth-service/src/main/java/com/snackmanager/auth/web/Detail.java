package com.snackmanager.auth.web;

/** A response that only says what happened: {@code {"detail": "..."}}. */
public record Detail(String detail) {}
