/**
 * Snack pictures: what an upload must be (JPEG, PNG, WebP or GIF by content, at most {@code
 * snack.images.max-size}) and where pictures are kept (PostgreSQL, beside the snack rows).
 */
package com.snackmanager.snack.image;
