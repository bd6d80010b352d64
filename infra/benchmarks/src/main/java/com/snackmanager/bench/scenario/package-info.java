/**
 * The measurements of issue 7, run in order by {@link com.snackmanager.bench.scenario.Scenarios}
 * with what they share in a {@link com.snackmanager.bench.scenario.Context}.
 */
package com.snackmanager.bench.scenario;
