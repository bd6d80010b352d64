package com.snackmanager.auth.member;

import reactor.core.publisher.Mono;

/** Ends every session (refresh-token family) of a member; implemented by the token feature. */
public interface MemberSessions {

  /** Revokes all of the member's refresh tokens, inside the caller's transaction. */
  Mono<Void> endAll(long memberId);
}
