package com.snackmanager.gateway.openapi;

import com.snackmanager.gateway.config.DownstreamServices;
import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  /** Service documents can be larger than the suite's 256 KB limit for request bodies. */
  private static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

  @Bean
  OpenApiAggregator openApiAggregator(DownstreamServices downstream, OpenApiProperties properties) {
    HttpClient http =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.fetchTimeout().toMillis())
            .responseTimeout(properties.fetchTimeout());
    WebClient client =
        WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(http))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_DOCUMENT_BYTES))
            .build();
    return new OpenApiAggregator(client, downstream, properties);
  }
}
