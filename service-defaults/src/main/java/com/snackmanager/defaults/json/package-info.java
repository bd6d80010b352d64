/** JSON reading rules every service shares. */
package com.snackmanager.defaults.json;
