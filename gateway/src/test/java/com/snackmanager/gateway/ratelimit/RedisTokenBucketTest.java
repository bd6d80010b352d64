package com.snackmanager.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.testsupport.FreePorts;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import java.time.Duration;
import java.util.UUID;
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
    LettuceConnectionFactory factory =
        new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
    factory.afterPropertiesSet();
    factory.start();
    try {
      test.accept(new RedisTokenBucket(new ReactiveStringRedisTemplate(factory)));
    } finally {
      factory.destroy();
    }
  }
}
