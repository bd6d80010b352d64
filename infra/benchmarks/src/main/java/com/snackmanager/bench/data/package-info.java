/**
 * The benchmark's data set: its size ({@link com.snackmanager.bench.data.DataShape}), the SQL that
 * writes it into every service's schema at once ({@link com.snackmanager.bench.data.DataGenerator},
 * {@code data/generate.sql}), which generated members and snacks each scenario uses ({@link
 * com.snackmanager.bench.data.Pools}) and whether the services' views agree ({@link
 * com.snackmanager.bench.data.Consistency}).
 */
package com.snackmanager.bench.data;
