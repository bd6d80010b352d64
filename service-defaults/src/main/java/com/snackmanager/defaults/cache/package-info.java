/** Short-lived caches of repeated reads, invalidated by the service's own writes. */
package com.snackmanager.defaults.cache;
