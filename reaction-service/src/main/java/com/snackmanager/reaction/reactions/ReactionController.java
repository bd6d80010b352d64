package com.snackmanager.reaction.reactions;

import com.snackmanager.defaults.openapi.ApiTags;
import com.snackmanager.defaults.openapi.ProblemResponse;
import com.snackmanager.defaults.security.AuthenticatedMember;
import com.snackmanager.reaction.reactions.cache.ReactionCacheLoader;
import com.snackmanager.reaction.snack.SnackReadThrough;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /snacks/{uid}/reaction} (the trailing slash is optional). */
@RestController
@RequestMapping("/snacks/{uid}/reaction")
@Tag(name = ApiTags.REACTIONS)
class ReactionController {

  private final ReactionService reactions;

  ReactionController(ReactionService reactions) {
    this.reactions = reactions;
  }

  @PostMapping
  @ProblemResponse(status = 400, detail = ReactionService.SAME_REACTION)
  @ProblemResponse(status = 404, detail = ReactionCacheLoader.UNKNOWN_SNACK)
  @Operation(
      summary = "Like or hate a snack, or switch between them",
      description =
          "400 \"Cannot add same reaction.\" if the member holds that reaction already; 404 for an"
              + " unknown snack. The counts include this change.")
  Mono<ReactionResponse> react(
      @PathVariable String uid,
      @RequestBody ReactionRequest request,
      @AuthenticationPrincipal Jwt jwt) {
    return Mono.defer(
            () -> reactions.react(uid, AuthenticatedMember.from(jwt).id(), request.reaction()))
        .contextWrite(SnackReadThrough.asCaller(jwt.getTokenValue()));
  }

  @DeleteMapping
  @ProblemResponse(status = 404, detail = ReactionService.NO_REACTION)
  @ProblemResponse(status = 404, detail = ReactionCacheLoader.UNKNOWN_SNACK)
  @Operation(
      summary = "Withdraw my reaction",
      description = "404 if I have none or the snack is unknown.")
  Mono<ReactionResponse> withdraw(@PathVariable String uid, @AuthenticationPrincipal Jwt jwt) {
    return reactions
        .withdraw(uid, AuthenticatedMember.from(jwt).id())
        .contextWrite(SnackReadThrough.asCaller(jwt.getTokenValue()));
  }

  @GetMapping
  @ProblemResponse(status = 404, detail = ReactionCacheLoader.UNKNOWN_SNACK)
  @Operation(summary = "My reaction to a snack and its counts")
  Mono<MyReactionResponse> mine(@PathVariable String uid, @AuthenticationPrincipal Jwt jwt) {
    return reactions
        .mine(uid, AuthenticatedMember.from(jwt).id())
        .contextWrite(SnackReadThrough.asCaller(jwt.getTokenValue()));
  }
}
