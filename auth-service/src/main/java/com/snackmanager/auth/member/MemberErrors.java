package com.snackmanager.auth.member;

import com.snackmanager.defaults.web.ApiException;
import com.snackmanager.defaults.web.SecurityMessages;
import org.springframework.http.HttpStatus;

final class MemberErrors {

  private MemberErrors() {}

  /** A token whose member has resigned (or never existed): the same 401 as any revoked token. */
  static ApiException notAuthenticated() {
    return new ApiException(HttpStatus.UNAUTHORIZED, SecurityMessages.INVALID_TOKEN);
  }
}
