/**
 * The gateway's own token check (the services check again: defence in depth), the paths open
 * without a token, and CORS for the browser frontend.
 */
package com.snackmanager.gateway.security;
