/**
 * The snack-service: the snack catalog (register, list, edit, retire), snack pictures, and the
 * like/hate counts projected from the reaction events. Packaged by feature: {@code catalog}, {@code
 * image}, {@code reaction}, {@code demo}, plus {@code web} helpers and {@code config} wiring.
 * Idempotency-Key handling is service-defaults' {@code idempotency} component.
 */
package com.snackmanager.snack;
