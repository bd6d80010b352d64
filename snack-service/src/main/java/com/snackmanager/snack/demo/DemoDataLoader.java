package com.snackmanager.snack.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Loads the demo snacks at start-up when {@code snack.demo-data.enabled} is true. */
@Component
@ConditionalOnBooleanProperty("snack.demo-data.enabled")
class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final DemoSnacks demo;

  DemoDataLoader(DemoSnacks demo) {
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    Long registered = demo.load().block();
    log.info("Demo data: registered {} snacks (the others existed already)", registered);
  }
}
