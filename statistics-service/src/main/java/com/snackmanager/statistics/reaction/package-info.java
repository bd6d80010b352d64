/**
 * Reaction figures: the {@code snack.reactions.v1} consumer adds each change's delta (previous →
 * current) to the snack's like and hate counts; the endpoint lists them with the like ratio.
 */
package com.snackmanager.statistics.reaction;
