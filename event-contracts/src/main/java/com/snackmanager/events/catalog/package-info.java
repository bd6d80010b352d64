/** Events of the {@code snack.catalog.v1} topic, with their stable {@code event_type} strings. */
package com.snackmanager.events.catalog;
