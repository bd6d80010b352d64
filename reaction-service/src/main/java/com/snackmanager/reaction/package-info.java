/**
 * The reaction-service: members like or hate snacks. Redis sets answer every request in one atomic
 * round trip; PostgreSQL holds the durable reactions and the outbox of {@code snack.reactions.v1};
 * the snacks that exist come from {@code snack.catalog.v1}.
 */
package com.snackmanager.reaction;
