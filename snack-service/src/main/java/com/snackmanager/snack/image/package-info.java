/**
 * Snack pictures: what an upload must be (JPEG, PNG, WebP or GIF by content, at most {@code
 * snack.images.max-size} and {@code snack.images.max-pixels}), how it is rewritten before it is
 * kept (re-encoded, or for WebP reduced to its image chunks: no metadata, nothing appended), and
 * where pictures are kept (PostgreSQL, beside the snack rows).
 */
package com.snackmanager.snack.image;
