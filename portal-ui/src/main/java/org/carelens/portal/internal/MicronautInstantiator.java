package org.carelens.portal.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;
import io.micronaut.context.ApplicationContext;
import java.util.Objects;

/**
 * Asks Micronaut for a bean first (views annotated {@code @Prototype}, services annotated
 * {@code @Singleton}) and falls back to Vaadin's reflective creation for everything else.
 */
final class MicronautInstantiator extends DefaultInstantiator {

  // Sessions are never serialized in this deployment; the context belongs to the process.
  private final transient ApplicationContext context;

  MicronautInstantiator(VaadinService service, ApplicationContext context) {
    super(service);
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public <T> T getOrCreate(Class<T> type) {
    return context.findBean(type).orElseGet(() -> super.getOrCreate(type));
  }

  @Override
  public <T extends Component> T createComponent(Class<T> type) {
    return context.findBean(type).orElseGet(() -> super.createComponent(type));
  }
}
