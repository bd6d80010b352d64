package com.snackmanager.auth.member;

import com.snackmanager.auth.web.Detail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Lets the frontend ask whether its token is (still) good, and whether it is an admin's. The
 * security rules answer 401/403 before these run.
 */
@RestController
class ChecksController {

  private static final Detail SUCCESS = new Detail("Success");

  @GetMapping("/checks/is_authenticated")
  Mono<Detail> isAuthenticated() {
    return Mono.just(SUCCESS);
  }

  @GetMapping("/checks/is_admin")
  Mono<Detail> isAdmin() {
    return Mono.just(SUCCESS);
  }
}
