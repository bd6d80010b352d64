package com.snackmanager.runner;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on stdout, which {@code ./suite} sends to {@code .run/logs/runner.log}. */
final class Log {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Log() {}

  static void info(String message) {
    System.out.println(LocalTime.now().format(TIME) + " [runner] " + message);
    System.out.flush();
  }
}
