/**
 * One OpenAPI document for the whole suite, merged from every service's {@code /v3/api-docs}, and
 * the Swagger UI that shows it.
 */
package com.snackmanager.gateway.openapi;
