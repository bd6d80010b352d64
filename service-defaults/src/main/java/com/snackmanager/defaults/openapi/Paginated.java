package com.snackmanager.defaults.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list read with {@link com.snackmanager.defaults.web.PageQuery}: its document gets the {@code
 * page} and {@code page_size} query parameters, the {@code X-Total-Count} and {@code Link} headers
 * of its answer, and the 400 of a page out of range. The list's filters and {@code ordering} are
 * its own {@code @RequestParam}s or {@code @Parameter}s.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Paginated {}
