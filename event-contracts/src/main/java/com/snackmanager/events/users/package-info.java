/**
 * Events of the {@code snack.users.v1} topic, published by the auth-service. Each record's {@code
 * TYPE} is its stable {@code event_type}; examples ship under {@code
 * events/examples/snack.users.v1/}.
 */
package com.snackmanager.events.users;
