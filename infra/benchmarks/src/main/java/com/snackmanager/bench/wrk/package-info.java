/**
 * Load with wrk and the Lua scripts of {@code src/main/resources/wrk}, whose {@code done()} prints
 * one JSON line that {@link com.snackmanager.bench.wrk.WrkResult} reads.
 */
package com.snackmanager.bench.wrk;
