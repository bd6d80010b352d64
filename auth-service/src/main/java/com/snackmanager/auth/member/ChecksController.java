package com.snackmanager.auth.member;

import com.snackmanager.auth.web.Detail;
import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Lets the frontend ask whether its token is (still) good, and whether it is an admin's. The
 * security rules answer 401/403 before these run.
 */
@RestController
@Tag(name = ApiTags.CHECKS)
class ChecksController {

  private static final Detail SUCCESS = new Detail("Success");

  @GetMapping("/checks/is_authenticated")
  @Operation(summary = "Whether my token is (still) good: 200, else 401")
  Mono<Detail> isAuthenticated() {
    return Mono.just(SUCCESS);
  }

  @GetMapping("/checks/is_admin")
  @Operation(summary = "Whether my token is an admin's: 200, else 401 or 403")
  @ProblemResponse(status = 403)
  Mono<Detail> isAdmin() {
    return Mono.just(SUCCESS);
  }
}
