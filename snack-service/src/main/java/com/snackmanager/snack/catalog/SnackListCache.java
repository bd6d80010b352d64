package com.snackmanager.snack.catalog;

import com.snackmanager.defaults.cache.EncodedPage;
import com.snackmanager.defaults.cache.ReadCache;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages of the snack list (with their total) kept for {@code snack.lists.cache-ttl} (1 s): the
 * whole office opens the same first page, and an exact {@code count(*)} of a large catalog costs
 * more than the page. They are kept as the JSON they are sent as, so a repeated page costs no
 * serialization either. Every write of this process that can change a page — a registration, an
 * edit, reaction counts applied — drops them all after it commits; another replica's writes show
 * within the ttl.
 */
@Component
public class SnackListCache {

  private record Key(SnackFilter filter, List<Ordering.Key> ordering, PageQuery page) {}

  private final ReadCache<Key, EncodedPage> pages;
  private final EncodedPage.Encoder<SnackView> encoder;

  SnackListCache(@Value("${snack.lists.cache-ttl:1s}") Duration ttl, JsonMapper json) {
    this.pages = new ReadCache<>(ttl, 1_000);
    this.encoder = new EncodedPage.Encoder<>(json, SnackView.class);
  }

  /** The cached page, or the one {@code load} gives with its total (then encoded and cached). */
  Mono<EncodedPage> get(
      SnackFilter filter,
      List<Ordering.Key> ordering,
      PageQuery page,
      Supplier<Mono<SnackService.Page>> load) {
    return pages.get(
        new Key(filter, List.copyOf(ordering), page),
        () -> load.get().map(loaded -> encode(loaded.snacks(), loaded.total())));
  }

  /** A page as the list sends it. */
  EncodedPage encode(List<Snack> snacks, long total) {
    return encoder.encode(snacks.stream().map(SnackView::of).toList(), total);
  }

  /** Call after a committed write that may change what a list shows. */
  public void invalidate() {
    pages.invalidateAll();
  }
}
