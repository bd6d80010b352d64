package com.snackmanager.snack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.snack.SnackServiceTest;
import com.snackmanager.snack.image.TestImages;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The demo data: registered once, by the system, with pictures, however often it is loaded. */
class DemoSnacksIT extends SnackServiceTest {

  @Autowired DemoSnacks demo;

  @Test
  void loadingTwiceAtOnceAndAgainRegistersEachDemoSnackOnce() {
    Long first = Mono.zip(demo.load(), demo.load(), Long::sum).block(Duration.ofMinutes(1));
    assertThat(first).isEqualTo(FIXTURES.size());
    assertThat(demo.load().block(Duration.ofMinutes(1))).isZero();

    for (Fixture fixture : FIXTURES) {
      assertThat(
              count(
                  "SELECT count(*) FROM snack WHERE name = $1 AND registered_by = 0",
                  fixture.name()))
          .as(fixture.name())
          .isOne();
      String uid =
          db.sql("SELECT uid FROM snack WHERE name = :name")
              .bind("name", fixture.name())
              .map(row -> row.get("uid", String.class))
              .one()
              .block();
      JsonNode snack = json(get("/snacks/" + uid, member()), HttpStatus.OK);
      assertThat(snack.get("price").decimalValue()).isEqualByComparingTo(fixture.price());
      assertThat(snack.get("currency").stringValue()).isEqualTo("KRW");
      // stored as registered: re-encoded, the same picture
      BufferedImage stored = TestImages.decode(picture(snack.get("image").stringValue()));
      BufferedImage original = TestImages.decode(fixture.imageBytes());
      assertThat(stored.getWidth()).isEqualTo(original.getWidth());
      assertThat(stored.getHeight()).isEqualTo(original.getHeight());
    }
  }
}
