package com.snackmanager.snack.catalog;

import com.snackmanager.defaults.cache.ReadCache;
import com.snackmanager.defaults.web.Ordering;
import com.snackmanager.defaults.web.PageQuery;
import com.snackmanager.snack.catalog.SnackService.Page;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Pages of the snack list (with their total) kept for {@code snack.lists.cache-ttl} (1 s): the
 * whole office opens the same first page, and an exact {@code count(*)} of a large catalog costs
 * more than the page. Every write of this process that can change a page — a registration, an edit,
 * reaction counts applied — drops them all after it commits; another replica's writes show within
 * the ttl.
 */
@Component
public class SnackListCache {

  private record Key(SnackFilter filter, List<Ordering.Key> ordering, PageQuery page) {}

  private final ReadCache<Key, Page> pages;

  SnackListCache(@Value("${snack.lists.cache-ttl:1s}") Duration ttl) {
    this.pages = new ReadCache<>(ttl, 1_000);
  }

  Mono<Page> get(
      SnackFilter filter, List<Ordering.Key> ordering, PageQuery page, Supplier<Mono<Page>> load) {
    return pages.get(new Key(filter, List.copyOf(ordering), page), load);
  }

  /** Call after a committed write that may change what a list shows. */
  public void invalidate() {
    pages.invalidateAll();
  }
}
