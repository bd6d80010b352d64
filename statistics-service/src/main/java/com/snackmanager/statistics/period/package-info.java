/**
 * The business calendar: days, ISO weeks (also addressed as the n-th week of a month), months and
 * years; how a request names a period or a range; and how a range maps onto the day and month
 * buckets of the projections.
 */
package com.snackmanager.statistics.period;
