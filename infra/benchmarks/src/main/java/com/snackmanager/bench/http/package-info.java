/** The benchmark's own HTTP calls: logins, checks and the freshness probe (the load is wrk's). */
package com.snackmanager.bench.http;
