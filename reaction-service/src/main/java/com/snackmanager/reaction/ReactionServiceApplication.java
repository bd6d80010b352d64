package com.snackmanager.reaction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReactionServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReactionServiceApplication.class, args);
  }
}
