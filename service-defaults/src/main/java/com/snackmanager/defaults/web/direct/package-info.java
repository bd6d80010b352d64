/**
 * Routes served below WebFlux ({@link com.snackmanager.defaults.web.direct.DirectRoute}): a hot
 * request handled straight on Reactor Netty's types, everything else handed to WebFlux untouched.
 */
package com.snackmanager.defaults.web.direct;
