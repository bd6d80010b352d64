package com.snackmanager.snack.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.snackmanager.defaults.web.RequestIds;
import com.snackmanager.snack.SnackServiceTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/** GET /snacks/: a bare array with paging headers, filters and orderings. */
class ListSnacksIT extends SnackServiceTest {

  /** Registers snacks named "<tag> <suffix>" with the given won prices, in this order. */
  private List<JsonNode> registerAll(String tag, String[] suffixes, int[] prices) {
    List<JsonNode> snacks = new ArrayList<>();
    for (int i = 0; i < suffixes.length; i++) {
      Map<String, Object> body =
          jsonBody(FIXTURES.get(i % FIXTURES.size()), tag + " " + suffixes[i]);
      body.put("price", prices[i]);
      snacks.add(json(postJson("/snacks/", member(), body), HttpStatus.CREATED));
    }
    return snacks;
  }

  private EntityExchangeResult<byte[]> list(String query) {
    return get("/snacks/?" + query, member()).expectStatus().isOk().expectBody().returnResult();
  }

  private static List<String> names(EntityExchangeResult<byte[]> result) {
    JsonNode array = JSON.readTree(result.getResponseBody());
    assertThat(array.isArray()).isTrue();
    List<String> names = new ArrayList<>();
    array.forEach(snack -> names.add(snack.get("name").stringValue()));
    return names;
  }

  @Test
  void theListIsABareArrayWithTotalAndLinks() {
    String tag = "Paged" + unique();
    registerAll(tag, new String[] {"a", "b", "c"}, new int[] {100, 200, 300});
    String search = "search=" + tag.toLowerCase();

    EntityExchangeResult<byte[]> first = list(search + "&page_size=2");
    assertThat(names(first)).containsExactly(tag + " a", tag + " b");
    assertThat(first.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("3");
    assertThat(first.getResponseHeaders().getFirst("Link"))
        .isEqualTo("</snacks?" + search + "&page=2&page_size=2>; rel=\"next\"");

    EntityExchangeResult<byte[]> second = list(search + "&page=2&page_size=2");
    assertThat(names(second)).containsExactly(tag + " c");
    assertThat(second.getResponseHeaders().getFirst("Link"))
        .isEqualTo("</snacks?" + search + "&page=1&page_size=2>; rel=\"prev\"");

    assertThat(names(list(search + "&page=9"))).isEmpty();
    // without a trailing slash too
    get("/snacks?" + search, member())
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Total-Count", "3");
  }

  @Test
  void theListCanBeOrderedByEachAllowedField() {
    String tag = "Sorted" + unique();
    registerAll(tag, new String[] {"Banana", "apple", "Cherry"}, new int[] {300, 100, 200});
    String search = "search=" + tag;

    // all counts are 0: the default order falls back to the oldest first
    assertThat(names(list(search)))
        .containsExactly(tag + " Banana", tag + " apple", tag + " Cherry");
    assertThat(names(list(search + "&ordering=price")))
        .containsExactly(tag + " apple", tag + " Cherry", tag + " Banana");
    assertThat(names(list(search + "&ordering=-price")))
        .containsExactly(tag + " Banana", tag + " Cherry", tag + " apple");
    // names compare case-insensitively
    assertThat(names(list(search + "&ordering=name")))
        .containsExactly(tag + " apple", tag + " Banana", tag + " Cherry");
    assertThat(names(list(search + "&ordering=-created_at")))
        .containsExactly(tag + " Cherry", tag + " apple", tag + " Banana");
    for (String field :
        List.of(
            "like_ratio",
            "-like_ratio",
            "like_reaction_count",
            "hate_reaction_count",
            "uid",
            "-uid,price")) {
      assertThat(names(list(search + "&ordering=" + field))).as(field).hasSize(3);
    }
  }

  @Test
  void pagesNeverOverlapWhenTheSortKeyTies() {
    String tag = "Ties" + unique();
    int[] prices = {500, 500, 500, 500, 500, 500, 500};
    List<JsonNode> snacks =
        registerAll(tag, new String[] {"1", "2", "3", "4", "5", "6", "7"}, prices);
    for (String ordering : List.of("price", "-price", "like_ratio", "-like_reaction_count")) {
      Set<String> seen = new HashSet<>();
      for (int page = 1; page <= 3; page++) {
        seen.addAll(
            names(list("search=" + tag + "&ordering=" + ordering + "&page_size=3&page=" + page)));
      }
      assertThat(seen).as(ordering).hasSize(snacks.size());
    }
  }

  @Test
  void filtersByUidSearchAndStatus() {
    String tag = "Filtered" + unique();
    List<JsonNode> snacks = registerAll(tag, new String[] {"one", "two"}, new int[] {1, 2});
    String uid = snacks.get(0).get("uid").stringValue();

    assertThat(names(list("uid=" + uid))).containsExactly(tag + " one");
    assertThat(names(list("uid=sn_0000000000"))).isEmpty();
    assertThat(names(list("uid=whatever"))).isEmpty();
    assertThat(names(list("search=" + tag.toUpperCase() + " TW"))).containsExactly(tag + " two");
    // LIKE wildcards are matched literally
    assertThat(names(list("search=" + tag + "%25"))).isEmpty();
    assertThat(names(list("search=" + tag + "_one"))).isEmpty();

    patchJson("/snacks/" + uid + "/", admin(), Map.of("status", "RETIRED")).expectStatus().isOk();
    assertThat(names(list("search=" + tag + "&status=RETIRED"))).containsExactly(tag + " one");
    assertThat(names(list("search=" + tag + "&status=active"))).containsExactly(tag + " two");
  }

  @Test
  void aCachedPageIsTheSameResponseAsTheFirstAndAWriteShowsAtOnce() {
    String tag = "Bytes" + unique();
    registerAll(tag, new String[] {"a", "b", "c"}, new int[] {100, 200, 300});
    String page = "/snacks/?search=" + tag + "&page_size=2";

    // the first request loads and encodes the page, the second is served from the cache
    EntityExchangeResult<byte[]> miss = list("search=" + tag + "&page_size=2");
    EntityExchangeResult<byte[]> hit = list("search=" + tag + "&page_size=2");
    assertThat(hit.getStatus()).isEqualTo(miss.getStatus());
    assertThat(withoutRequestId(hit.getResponseHeaders()))
        .isEqualTo(withoutRequestId(miss.getResponseHeaders()));
    assertThat(hit.getResponseBody()).isEqualTo(miss.getResponseBody());
    assertThat(miss.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(miss.getResponseHeaders().getContentLength())
        .isEqualTo(miss.getResponseBody().length);
    assertThat(miss.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("3");
    assertThat(miss.getResponseHeaders().getFirst("Link")).contains("page=2", "rel=\"next\"");
    assertThat(names(hit)).containsExactly(tag + " a", tag + " b");
    // the cached body does not carry the request's own path: the links follow each request
    get(page.replace("/snacks/", "/snacks"), member())
        .expectHeader()
        .valueEquals("Link", "</snacks?search=" + tag + "&page=2&page_size=2>; rel=\"next\"");

    // the tests cache lists for an hour: only the registration can have dropped the page
    registerAll(tag, new String[] {"0"}, new int[] {50});
    EntityExchangeResult<byte[]> after = list("search=" + tag + "&page_size=2");
    assertThat(after.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("4");
    assertThat(names(list("search=" + tag + "&ordering=price&page_size=2")))
        .containsExactly(tag + " 0", tag + " a");
  }

  private static Map<String, List<String>> withoutRequestId(HttpHeaders headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(copy::put);
    copy.remove(RequestIds.HEADER);
    return copy;
  }

  @Test
  void badListParametersAre400() {
    expectFieldError(get("/snacks/?ordering=-popularity", member()), "ordering");
    expectFieldError(get("/snacks/?ordering=like_ratio,,name", member()), "ordering");
    expectFieldError(get("/snacks/?status=SOLD_OUT", member()), "status");
    expectFieldError(get("/snacks/?page=0", member()), "page");
    expectFieldError(get("/snacks/?page_size=1001", member()), "page_size");
    expectFieldError(get("/snacks/?page_size=ten", member()), "page_size");
    expectFieldError(get("/snacks/?search=" + "x".repeat(201), member()), "search");
  }

  @Test
  void theListNeedsAToken() {
    expectProblem(
        get("/snacks/", null),
        HttpStatus.UNAUTHORIZED,
        "Authentication credentials were not provided.");
  }
}
