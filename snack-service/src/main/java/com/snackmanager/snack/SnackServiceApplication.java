package com.snackmanager.snack;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SnackServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SnackServiceApplication.class, args);
  }
}
