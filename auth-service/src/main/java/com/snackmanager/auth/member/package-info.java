/**
 * Members: sign-up with its email and password rules, the profile, the admin's member list and role
 * changes, resignation, the bootstrap admin, and the token versions that revoke a resigned member's
 * or a demoted admin's access tokens. The rules themselves ({@link SignUpRules}, {@link
 * PasswordPolicy}, {@link AdminRules}) are plain Java.
 */
package com.snackmanager.auth.member;
