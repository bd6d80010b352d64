/** Money in the figures: exact decimals per currency, never summed across currencies. */
package com.snackmanager.statistics.money;
