/** What domain code in every service shares: the exception a broken business rule raises. */
package com.snackmanager.defaults.domain;
