/**
 * The idempotent consumer: {@link com.snackmanager.events.inbox.InboxProcessor} records a consumed
 * event id in the service's {@code inbox} table in the transaction of the work it causes, so a
 * redelivered event changes nothing.
 */
package com.snackmanager.events.inbox;
