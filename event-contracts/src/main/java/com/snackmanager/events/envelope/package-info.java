/**
 * The event contract shared by every service: the {@link
 * com.snackmanager.events.envelope.EventEnvelope} on the wire, the {@link
 * com.snackmanager.events.envelope.DomainEvent} payloads inside it, the {@link
 * com.snackmanager.events.envelope.Topics} and the {@link
 * com.snackmanager.events.envelope.EventCodec} that reads and writes them. Event type strings, not
 * Java class names, are the contract.
 */
package com.snackmanager.events.envelope;
