/**
 * The snack-service's wiring: its resource-server rules (pictures public, edits for admins), the
 * upload limits, its topics and OpenAPI.
 */
package com.snackmanager.snack.config;
