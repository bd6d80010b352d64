/**
 * What every service's {@code /v3/api-docs} says the same way: tags named by resource ({@link
 * ApiTags}), RFC 9457 problem responses with examples ({@link ProblemResponse}, plus the 401, 429
 * and 503 every operation can answer), and the paging parameters of lists ({@link Paginated}). The
 * gateway merges these documents into the one at {@code /api/schema/}.
 */
package com.snackmanager.defaults.openapi;
