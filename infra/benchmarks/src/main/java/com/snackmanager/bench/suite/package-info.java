/**
 * The suite under test: started and stopped through {@code ./suite} on the benchmark's own ports
 * and state folder ({@link com.snackmanager.bench.suite.BenchSuite}), and its processes' start-up
 * times and memory ({@link com.snackmanager.bench.suite.Footprint}).
 */
package com.snackmanager.bench.suite;
