/** Small request and response helpers shared by the auth-service's controllers. */
package com.snackmanager.auth.web;
