/**
 * The projection of {@code snack.reactions.v1} onto the snacks' like and hate counts: each {@code
 * reaction.changed} event adds its delta (previous → current reaction) exactly once.
 */
package com.snackmanager.snack.reaction;
