/** Request-body helpers of the snack-service: raw input fields and their field errors. */
package com.snackmanager.snack.web;
