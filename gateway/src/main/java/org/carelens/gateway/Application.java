package org.carelens.gateway;

import io.micronaut.runtime.Micronaut;

/** Starts the gateway. Configuration: {@code application.yml}, overridable by system properties. */
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
