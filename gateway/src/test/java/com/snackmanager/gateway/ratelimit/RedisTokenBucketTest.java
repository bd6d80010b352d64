package com.snackmanager.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.testsupport.FreePorts;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

class RedisTokenBucketTest {

  private static final RateLimitProperties.Policy TWO_A_MINUTE =
      new RateLimitProperties.Policy(2, Duration.ofMinutes(1), 2);

  @Test
  void aBucketAllowsItsBurstThenSaysWhenToComeBack() {
    SnackTestInfrastructure redis = SnackTestInfrastructure.get();
    withBucket(
        redis.redisHost(),
        redis.redisPort(),
        bucket -> {
          String id = UUID.randomUUID().toString();
          assertThat(take(bucket, id).allowed()).isTrue();
          assertThat(take(bucket, id).allowed()).isTrue();
          RedisTokenBucket.Decision refused = take(bucket, id);
          assertThat(refused.allowed()).isFalse();
          // a token comes back every 30 s
          assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
          assertThat(take(bucket, "someone-else").allowed()).isTrue();
        });
  }

  @Test
  void tokensAreLeasedFromRedisAndSpentLocallyWithoutExceedingTheLimitAcrossReplicas() {
    SnackTestInfrastructure redis = SnackTestInfrastructure.get();
    // 100 at once, then 1 a minute: a lease of 10 tokens
    RateLimitProperties.Policy policy =
        new RateLimitProperties.Policy(1, Duration.ofMinutes(1), 100);
    assertThat(policy.lease()).isEqualTo(10);
    String id = UUID.randomUUID().toString();
    withBucket(
        redis.redisHost(),
        redis.redisPort(),
        (first, template) ->
            withBucket(
                redis.redisHost(),
                redis.redisPort(),
                (second, unused) -> {
                  assertThat(first.take("test", id, policy).block().allowed()).isTrue();
                  // one script call took a whole lease from the shared bucket
                  String left =
                      template
                          .<String, String>opsForHash()
                          .get(RedisTokenBucket.KEY_PREFIX + "test:" + id, "tokens")
                          .block();
                  assertThat(Double.parseDouble(left)).isEqualTo(90.0);
                  int allowed = 1;
                  // two replicas, alternately: never more than the burst in all
                  for (int i = 0; i < 150; i++) {
                    RedisTokenBucket replica = i % 2 == 0 ? first : second;
                    if (replica.take("test", id, policy).block().allowed()) {
                      allowed++;
                    }
                  }
                  assertThat(allowed).isEqualTo(100);
                }));
  }

  @Test
  void withoutRedisEveryRequestIsAllowed() {
    withBucket(
        "127.0.0.1",
        FreePorts.find(),
        bucket -> {
          for (int i = 0; i < 3; i++) {
            assertThat(take(bucket, "anyone").allowed()).isTrue();
          }
        });
  }

  private static RedisTokenBucket.Decision take(RedisTokenBucket bucket, String id) {
    return bucket.take("test", id, TWO_A_MINUTE).block(Duration.ofSeconds(10));
  }

  private static void withBucket(String host, int port, Consumer<RedisTokenBucket> test) {
    withBucket(host, port, (bucket, template) -> test.accept(bucket));
  }

  private static void withBucket(
      String host, int port, BiConsumer<RedisTokenBucket, ReactiveStringRedisTemplate> test) {
    LettuceConnectionFactory factory =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
    factory.afterPropertiesSet();
    factory.start();
    try {
      ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(factory);
      test.accept(new RedisTokenBucket(template), template);
    } finally {
      factory.destroy();
    }
  }
}
