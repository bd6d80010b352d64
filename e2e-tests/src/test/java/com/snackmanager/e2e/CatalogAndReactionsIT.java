package com.snackmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.snackmanager.e2e.Members.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SPEC "Snacks" and "Reactions" through the gateway, with the event-driven re-ranking. */
class CatalogAndReactionsIT {

  private static final Pattern LIKE_RATIO = Pattern.compile("\"like_ratio\":\\s*(-?[0-9.eE+-]+)");

  private final RunningSuite suite = RunningSuite.get();
  private final Api api = new Api(suite.gateway());
  private final Members members = new Members(api);
  private final Snacks snacks = new Snacks(api);

  private JsonNode register(Member member, Fixtures.Snack snack) {
    Api.Response created =
        api.as(member.access())
            .postMultipart(
                "/snacks/", snack.uniqueFields(), "image", snack.image(), snack.imageBytes());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.json();
  }

  @Test
  void aMemberRegistersASnackWithItsPictureAndAnyoneCanSeeThePicture() {
    Member member = members.signUp("snack-lover");
    Fixtures.Snack buldak = Fixtures.snacks().get(1);
    JsonNode snack = register(member, buldak);
    assertThat(snack.path("currency").asString()).isEqualTo("KRW");
    assertThat(snack.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(snack.path("like_reaction_count").asLong()).isZero();
    String image = snack.path("image").asString();
    assertThat(image).contains("/snacks/" + snack.path("uid").asString() + "/image");

    String imagePath = image.substring(image.indexOf("/snacks/"));
    Api.Response picture = api.get(imagePath); // no token: <img src> must work
    assertThat(picture.status()).isEqualTo(200);
    assertThat(picture.contentType()).isEqualTo("image/jpeg");
    String etag = picture.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(api.send("GET", imagePath, null, Map.of("If-None-Match", etag)).status())
        .isEqualTo(304);

    Api.Response one = api.as(member.access()).get("/snacks/" + snack.path("uid").asString());
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().path("name").asString()).isEqualTo(snack.path("name").asString());

    Api.Response duplicate =
        api.as(member.access())
            .post(
                "/snacks/",
                Map.of(
                    "name",
                    "  " + snack.path("name").asString() + " ",
                    "url",
                    "https://example.com",
                    "desc",
                    "again",
                    "currency",
                    "KRW",
                    "price",
                    100));
    assertThat(duplicate.status()).isEqualTo(400);

    Api.Response notAnImage =
        api.as(member.access())
            .postMultipart(
                "/snacks/",
                buldak.uniqueFields(),
                "image",
                "fake.jpg",
                "this is not a picture at all".getBytes());
    assertThat(notAnImage.status()).isEqualTo(400);
    assertThat(api.as(member.access()).get("/snacks/no-such-snack").status()).isEqualTo(404);
  }

  @Test
  void reactionsSetSwitchAndWithdrawWithCountsInTheResponse() {
    Member member = members.signUp("reactor");
    String uid = snacks.register(member, "반응 과자 " + UUID.randomUUID(), 1500).path("uid").asString();
    Api reacting = api.as(member.access());
    await()
        .atMost(Duration.ofSeconds(2))
        .until(
            () ->
                reacting.post("/snacks/" + uid + "/reaction/", Map.of("type", "LIKE")).status()
                    == 200);
    Api.Response same = reacting.post("/snacks/" + uid + "/reaction/", Map.of("type", "LIKE"));
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.detail()).isEqualTo("Cannot add same reaction.");

    Api.Response switched = reacting.post("/snacks/" + uid + "/reaction", Map.of("type", "HATE"));
    assertThat(switched.status()).isEqualTo(200);
    assertThat(switched.json().path("like_reaction_count").asLong()).isZero();
    assertThat(switched.json().path("hate_reaction_count").asLong()).isEqualTo(1);
    assertThat(reacting.get("/snacks/" + uid + "/reaction/").json().path("my_reaction").asString())
        .isEqualTo("HATE");

    assertThat(reacting.delete("/snacks/" + uid + "/reaction/").status()).isEqualTo(200);
    assertThat(reacting.get("/snacks/" + uid + "/reaction/").json().path("my_reaction").isNull())
        .isTrue();
    assertThat(reacting.delete("/snacks/" + uid + "/reaction/").status()).isEqualTo(404);
    assertThat(reacting.post("/snacks/" + uid + "/reaction/", Map.of("type", "MEH")).status())
        .isEqualTo(400);
    assertThat(reacting.post("/snacks/unknown-snack/reaction/", Map.of("type", "LIKE")).status())
        .isEqualTo(404);
    assertThat(api.post("/snacks/" + uid + "/reaction/", Map.of("type", "LIKE")).status())
        .isEqualTo(401);
  }

  @Test
  void theListIsReRankedByRatioWithinASecond() {
    Member owner = members.signUp("ranker");
    String tag = "rank-" + UUID.randomUUID().toString().substring(0, 8);
    String sevenThree = snacks.register(owner, tag + " seven-three", 1500).path("uid").asString();
    String threeTwo = snacks.register(owner, tag + " three-two", 1500).path("uid").asString();
    List<Member> voters = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      voters.add(members.signUp("voter"));
    }
    // 7 likes / 3 hates (2.333) must rank above 3 likes / 2 hates (1.5), as the seed requires
    for (int i = 0; i < 10; i++) {
      snacks.react(voters.get(i), sevenThree, i < 7 ? "LIKE" : "HATE");
      if (i < 5) {
        snacks.react(voters.get(i), threeTwo, i < 3 ? "LIKE" : "HATE");
      }
    }
    Api reader = api.as(owner.access());
    await()
        .atMost(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode list = reader.get("/snacks/?search=" + tag).json();
              assertThat(list.size()).isEqualTo(2);
              assertThat(list.get(0).path("uid").asString()).isEqualTo(sevenThree);
              assertThat(list.get(0).path("like_reaction_count").asLong()).isEqualTo(7);
              assertThat(list.get(0).path("hate_reaction_count").asLong()).isEqualTo(3);
              assertThat(list.get(1).path("uid").asString()).isEqualTo(threeTwo);
            });
    // the statistics-service counts the same reactions from the same events
    await()
        .atMost(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode stats = reader.get("/statistics/reactions/?search=" + tag).json();
              assertThat(stats.size()).isEqualTo(2);
              JsonNode first =
                  stats.get(0).path("snack_uid").asString().equals(sevenThree)
                      ? stats.get(0)
                      : stats.get(1);
              assertThat(first.path("like_reaction_count").asLong()).isEqualTo(7);
              assertThat(first.path("hate_reaction_count").asLong()).isEqualTo(3);
              assertThat(first.path("like_ratio").decimalValue())
                  .isEqualByComparingTo(new java.math.BigDecimal("2.333"));
            });
    // one like_ratio, written alike by every service that shows it (event-contracts' LikeRatio):
    // 2.333 and 1.5, never 2.333333 or 1.500
    assertThat(likeRatios(reader.get("/snacks/?search=" + tag))).containsExactly("2.333", "1.5");
    await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                assertThat(likeRatios(reader.get("/statistics/reactions/?search=" + tag)))
                    .containsExactlyInAnyOrder("2.333", "1.5"));
    assertThat(likeRatios(reader.get("/snacks/" + threeTwo + "/reaction/"))).containsExactly("1.5");
    assertThat(
            likeRatios(
                api.as(voters.get(0).access())
                    .post("/snacks/" + threeTwo + "/reaction/", Map.of("type", "HATE"))))
        .as("2 likes / 3 hates")
        .containsExactly("0.667");
    Api.Response freshness = reader.get("/statistics/freshness/");
    assertThat(freshness.status()).isEqualTo(200);
    assertThat(freshness.json().isEmpty()).isFalse();
  }

  /** The {@code like_ratio} values of a response, as the service wrote them (not re-parsed). */
  private static List<String> likeRatios(Api.Response response) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    Matcher ratio = LIKE_RATIO.matcher(response.raw().body());
    List<String> found = new ArrayList<>();
    while (ratio.find()) {
      found.add(ratio.group(1));
    }
    return found;
  }
}
