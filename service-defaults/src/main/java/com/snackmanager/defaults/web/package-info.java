/** HTTP conventions of the suite: problem+json errors, pagination, ordering, trailing slashes. */
package com.snackmanager.defaults.web;
