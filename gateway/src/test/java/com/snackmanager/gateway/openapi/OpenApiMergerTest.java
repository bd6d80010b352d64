package com.snackmanager.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenApiMergerTest {

  private final JsonMapper json = JsonMapper.builder().build();

  private JsonNode doc(String text) {
    return json.readTree(text.replace('\'', '"'));
  }

  @Test
  void mergesPathsSchemasAndTagsAndAddsBearerAuthentication() {
    ObjectNode merged =
        OpenApiMerger.merge(
            List.of(
                new ServiceDocument(
                    "snack-service",
                    doc(
                        "{'openapi':'3.1.0','tags':[{'name':'snacks'}],"
                            + "'paths':{'/snacks/':{'get':{}}},"
                            + "'components':{'schemas':{'Snack':{'type':'object'}}}}")),
                new ServiceDocument(
                    "order-service",
                    doc(
                        "{'openapi':'3.1.0','tags':[{'name':'snacks'},{'name':'orders'}],"
                            + "'paths':{'/orders/':{'post':{}}},"
                            + "'components':{'schemas':{'Snack':{'type':'object'},"
                            + "'Order':{'type':'object'}}}}")),
                ServiceDocument.unavailable("statistics-service")));

    assertThat(merged.path("openapi").asString()).isEqualTo("3.1.0");
    assertThat(merged.path("paths").propertyNames()).containsExactly("/snacks/", "/orders/");
    // identical schemas of the same name are one schema
    assertThat(merged.path("components").path("schemas").propertyNames())
        .containsExactly("Snack", "Order");
    assertThat(merged.path("tags").findValuesAsString("name")).containsExactly("snacks", "orders");
    assertThat(
            merged
                .path("components")
                .path("securitySchemes")
                .path("bearerAuth")
                .path("scheme")
                .asString())
        .isEqualTo("bearer");
    assertThat(merged.path("security").get(0).has("bearerAuth")).isTrue();
    assertThat(merged.path("servers").get(0).path("url").asString()).isEqualTo("/");
    assertThat(merged.path("x-unavailable-services").get(0).asString())
        .isEqualTo("statistics-service");
  }

  @Test
  void tagsAreInTheOrderAFrontendUsesThemWhateverServiceNamesThemFirst() {
    ObjectNode merged =
        OpenApiMerger.merge(
            List.of(
                new ServiceDocument(
                    "order-service", doc("{'tags':[{'name':'Orders'},{'name':'Custom'}]}")),
                new ServiceDocument(
                    "auth-service",
                    doc(
                        "{'tags':[{'name':'Tokens'},{'name':'Members','description':'Sign-up'},"
                            + "{'name':'Checks'}]}")),
                new ServiceDocument(
                    "snack-service", doc("{'tags':[{'name':'Snacks'},{'name':'Members'}]}"))));

    assertThat(merged.path("tags").findValuesAsString("name"))
        .containsExactly("Members", "Tokens", "Checks", "Snacks", "Orders", "Custom");
    assertThat(merged.path("tags").get(0).path("description").asString()).isEqualTo("Sign-up");
  }

  @Test
  void aClashingSchemaIsRenamedAndItsReferencesFollow() {
    ObjectNode merged =
        OpenApiMerger.merge(
            List.of(
                new ServiceDocument(
                    "auth-service", doc("{'components':{'schemas':{'Error':{'type':'string'}}}}")),
                new ServiceDocument(
                    "order-service",
                    doc(
                        "{'paths':{'/orders/':{'get':{'responses':{'400':{'content':"
                            + "{'application/json':{'schema':{'$ref':'#/components/schemas/Error'}}}}}}}},"
                            + "'components':{'schemas':{'Error':{'type':'object'},"
                            + "'Page':{'type':'array','items':{'$ref':'#/components/schemas/Error'}}}}}"))));

    JsonNode schemas = merged.path("components").path("schemas");
    assertThat(schemas.path("Error").path("type").asString()).isEqualTo("string");
    assertThat(schemas.path("OrderServiceError").path("type").asString()).isEqualTo("object");
    assertThat(schemas.path("Page").path("items").path("$ref").asString())
        .isEqualTo("#/components/schemas/OrderServiceError");
    assertThat(merged.findValuesAsString("$ref"))
        .containsOnly("#/components/schemas/OrderServiceError");
    assertThat(merged.path("x-unavailable-services").isEmpty()).isTrue();
  }

  @Test
  void serviceNamesBecomeSchemaPrefixes() {
    assertThat(OpenApiMerger.prefix("statistics-service")).isEqualTo("StatisticsService");
  }
}
