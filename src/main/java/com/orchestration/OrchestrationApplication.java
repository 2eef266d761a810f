package com.orchestration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Orchestration V2: a Camunda 7.24 deployment that runs a software organisation. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrchestrationApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrchestrationApplication.class, args);
  }
}
