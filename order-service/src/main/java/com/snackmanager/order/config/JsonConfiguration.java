package com.snackmanager.order.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict numbers in, exact money out. A quantity sent as {@code "2"}, {@code 2.5} or {@code true}
 * is a 400 naming the field instead of being silently converted (text fields are already strict:
 * service-defaults). Decimals are written as plain numbers ({@code 12401.0}, never {@code
 * 1.24010E+4}).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  @Bean
  JsonMapperBuilderCustomizer strictWholeNumbersPlainDecimals() {
    return builder ->
        builder
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .withCoercionConfig(
                LogicalType.Integer,
                config ->
                    config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
