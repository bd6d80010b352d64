/** The summary table (measured against the targets) and the detail tables of a benchmark run. */
package com.snackmanager.bench.report;
