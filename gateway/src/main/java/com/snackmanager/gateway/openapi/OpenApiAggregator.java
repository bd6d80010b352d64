package com.snackmanager.gateway.openapi;

import com.snackmanager.gateway.config.DownstreamServices;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fetches every service's {@code /v3/api-docs} in parallel, each with a short timeout, and merges
 * what arrived. The merged document is kept for a while; concurrent requests share one fetch.
 */
public class OpenApiAggregator {

  static final String DOCS_PATH = "/v3/api-docs";
  private static final Logger log = LoggerFactory.getLogger(OpenApiAggregator.class);

  private final WebClient client;
  private final DownstreamServices downstream;
  private final Duration fetchTimeout;
  private final Mono<ObjectNode> merged;

  public OpenApiAggregator(
      WebClient client, DownstreamServices downstream, OpenApiProperties properties) {
    this.client = client;
    this.downstream = downstream;
    this.fetchTimeout = properties.fetchTimeout();
    this.merged =
        Mono.defer(this::collect)
            // a document missing a service is not kept: the next request asks that service again
            .cache(
                document ->
                    document.path(OpenApiMerger.UNAVAILABLE).isEmpty()
                        ? properties.cacheFor()
                        : Duration.ZERO,
                error -> Duration.ZERO,
                () -> Duration.ZERO);
  }

  /** The merged document (possibly a few seconds old). */
  public Mono<ObjectNode> document() {
    return merged;
  }

  private Mono<ObjectNode> collect() {
    return Flux.fromIterable(downstream.services().entrySet())
        .flatMapSequential(service -> fetch(service.getKey(), service.getValue()))
        .collectList()
        .map(OpenApiMerger::merge);
  }

  private Mono<ServiceDocument> fetch(String service, URI base) {
    URI docs = UriComponentsBuilder.fromUri(base).path(DOCS_PATH).build().toUri();
    return client
        .get()
        .uri(docs)
        .retrieve()
        .bodyToMono(JsonNode.class)
        .timeout(fetchTimeout)
        .map(document -> new ServiceDocument(service, document))
        .onErrorResume(
            error -> {
              log.debug("No OpenAPI document from {}: {}", service, error.toString());
              return Mono.empty();
            })
        .defaultIfEmpty(ServiceDocument.unavailable(service));
  }
}
