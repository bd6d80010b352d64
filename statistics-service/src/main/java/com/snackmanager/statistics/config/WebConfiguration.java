package com.snackmanager.statistics.config;

import com.snackmanager.statistics.csv.CsvEncoder;
import com.snackmanager.statistics.csv.EncodedEncoder;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.core.StreamWriteFeature;

/**
 * Response writing: CSV for {@code Accept: text/csv}, answers kept already written (JSON or CSV
 * bytes), and amounts in JSON as plain decimals (never {@code 1E+3}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

  @Override
  public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
    configurer.customCodecs().register(new CsvEncoder());
    configurer.customCodecs().register(EncodedEncoder.json());
    configurer.customCodecs().register(EncodedEncoder.csv());
  }

  @Bean
  JsonMapperBuilderCustomizer plainDecimals() {
    return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
  }
}
