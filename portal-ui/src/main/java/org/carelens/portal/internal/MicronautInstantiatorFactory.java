package org.carelens.portal.internal;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;
import io.micronaut.context.ApplicationContext;
import org.jspecify.annotations.Nullable;

/**
 * Lets Vaadin create views through the Micronaut context kept in the servlet context, so views can
 * take {@code @Singleton} services in their constructors. Vaadin finds this factory through its
 * lookup initializer (classpath scanning); answering null leaves Vaadin's default in place, which
 * only happens when the portal was not started by {@code PortalServer}.
 */
public class MicronautInstantiatorFactory implements InstantiatorFactory {

  /** The servlet-context attribute that holds the running Micronaut context. */
  public static final String CONTEXT_ATTRIBUTE = ApplicationContext.class.getName();

  @Override
  public @Nullable Instantiator createInstantitor(VaadinService service) {
    ApplicationContext context = service.getContext().getAttribute(ApplicationContext.class);
    return context == null ? null : new MicronautInstantiator(service, context);
  }
}
