/** Configuration defaults applied to every service before its own {@code application.yml}. */
package com.snackmanager.defaults.config;
