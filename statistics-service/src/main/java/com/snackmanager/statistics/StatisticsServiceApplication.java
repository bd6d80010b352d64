package com.snackmanager.statistics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StatisticsServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(StatisticsServiceApplication.class, args);
  }
}
