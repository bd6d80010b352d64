package com.snackmanager.events.envelope;

/**
 * A message that is not a valid {@link EventEnvelope}, or a payload that does not fit the expected
 * event. Retrying cannot fix it, so the Kafka error handler sends it straight to the dead-letter
 * topic.
 */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
