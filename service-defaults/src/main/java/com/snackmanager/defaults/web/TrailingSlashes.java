package com.snackmanager.defaults.web;

import org.springframework.web.filter.reactive.UrlHandlerFilter;
import org.springframework.web.server.WebFilter;

/**
 * The seed API's paths end in a slash ({@code /orders/}); both forms must work. Handlers map the
 * path without the slash and this filter strips it from requests before routing.
 */
public final class TrailingSlashes {

  private TrailingSlashes() {}

  public static WebFilter filter() {
    return UrlHandlerFilter.trailingSlashHandler("/**").mutateRequest().build();
  }
}
