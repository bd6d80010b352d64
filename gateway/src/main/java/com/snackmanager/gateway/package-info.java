/**
 * The suite's single entry point: routes each path to its service, checks the access token before
 * anything is forwarded (the services check it again), limits request rates, answers CORS, and
 * serves the aggregated OpenAPI document with its Swagger UI.
 */
package com.snackmanager.gateway;
