package com.snackmanager.events;

import com.snackmanager.testsupport.ServiceDatabase;
import com.snackmanager.testsupport.SnackTestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: one {@link EventsTestApplication} context on the real embedded
 * PostgreSQL (as the catalog service's role, in its schema) and Kafka, shared by all test classes.
 */
@SpringBootTest(classes = EventsTestApplication.class)
public abstract class EventsIntegrationTest {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SnackTestInfrastructure.get().register(ServiceDatabase.CATALOG, registry);
  }
}
