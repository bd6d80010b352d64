package com.snackmanager.defaults.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error the operation can answer with, documented as an {@code application/problem+json}
 * response with an example body. Repeat it for several examples of one status:
 *
 * <pre>{@code
 * @ProblemResponse(status = 400, detail = "Cannot add same reaction.")
 * @ProblemResponse(status = 404, detail = "Snack not found.")
 * }</pre>
 *
 * On an annotation, it documents the error on every handler that carries that annotation. The 401
 * of a secured operation, the 429 and 503 of every operation, and the 400, 413 and 415 of one that
 * takes a body are documented without it ({@link ApiConventions}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(ProblemResponses.class)
public @interface ProblemResponse {

  /** The HTTP status, 400 to 599. */
  int status();

  /**
   * The example's {@code detail}, as the API words it; empty for the status's usual wording. A
   * {@code field: message} detail of a 400 also gets its {@code errors} object.
   */
  String detail() default "";

  /** The field a 400 names in its {@code errors} object, when the detail does not start with it. */
  String field() default "";
}
