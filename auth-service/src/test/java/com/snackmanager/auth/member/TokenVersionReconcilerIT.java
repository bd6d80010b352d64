package com.snackmanager.auth.member;

import static org.awaitility.Awaitility.await;

import com.snackmanager.auth.AuthServiceTest;
import com.snackmanager.defaults.security.TokenVersions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;

class TokenVersionReconcilerIT extends AuthServiceTest {

  @Autowired ReactiveStringRedisTemplate redis;

  @Test
  void aFlushedRedisGetsTheRevokedVersionsBackFromTheDatabase() {
    Account member = newMember("healed");
    Tokens before = login(member.email(), PASSWORD);
    resign(member.access()).expectStatus().isOk();

    redis.delete(TokenVersions.KEY).block();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "1"
                    .equals(
                        redis
                            .<String, String>opsForHash()
                            .get(TokenVersions.KEY, Long.toString(member.id()))
                            .block()));
    expectProblem(
        get("/checks/is_authenticated/", before.access()), HttpStatus.UNAUTHORIZED, INVALID_TOKEN);
  }
}
