/**
 * Demo data: the snacks of {@code demo/snacks/} (Korean names, won prices, real pictures),
 * registered at start-up when {@code snack.demo-data.enabled} ({@code SNACK_DEMO_DATA}) is on.
 */
package com.snackmanager.snack.demo;
