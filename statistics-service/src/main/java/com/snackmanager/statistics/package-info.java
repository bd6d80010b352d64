/**
 * The statistics-service: precomputed order, snack and reaction figures, kept by consumers of the
 * order, catalog and reaction event streams and served per business-calendar period.
 */
package com.snackmanager.statistics;
