/**
 * The benchmark command of issue 7 ({@code ./benchmark}): the whole suite, started as {@code
 * ./suite up} starts it, loaded with a realistic data set over JDBC and measured with wrk on
 * loopback. {@link com.snackmanager.bench.Benchmark} runs it; {@code data} makes the data set,
 * {@code suite} starts, stops and weighs the suite, {@code wrk} runs the load, {@code scenario}
 * holds the measurements and {@code report} the summary. Not part of the test suite: only {@code
 * GeneratedDataIT} runs in {@code ./mvnw verify}, to keep the generator true to the migrations.
 */
package com.snackmanager.bench;
