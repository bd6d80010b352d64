package com.snackmanager.gateway.openapi;

import tools.jackson.databind.JsonNode;

/** One service's OpenAPI document, or {@code null} when the service did not deliver it. */
record ServiceDocument(String service, JsonNode document) {

  static ServiceDocument unavailable(String service) {
    return new ServiceDocument(service, null);
  }

  boolean available() {
    return document != null && document.isObject();
  }
}
