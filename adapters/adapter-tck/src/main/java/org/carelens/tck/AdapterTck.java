package org.carelens.tck;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.carelens.sdk.model.NhsNumber;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * How an adapter module runs the kit: one class in its tests,
 *
 * <pre>{@code
 * @Suite
 * @SelectClasses(AdapterConformanceTests.class)
 * @ConfigurationParameter(key = AdapterTck.PROVIDER, value = "org.example.MyTckProvider")
 * class MyAdapterConformanceTest {}
 * }</pre>
 *
 * <p>The provider class needs a public no-argument constructor. Without the configuration parameter
 * the kit looks for exactly one {@link AdapterTckProvider} through {@link ServiceLoader}.
 */
public final class AdapterTck implements ParameterResolver {

  /** The JUnit configuration parameter naming the {@link AdapterTckProvider} class. */
  public static final String PROVIDER = "carelens.tck.provider";

  /** The patient the kit asks for first. */
  public static final NhsNumber PATIENT = new NhsNumber("9990000018");

  /** A second patient, used where two patients must be told apart. */
  public static final NhsNumber OTHER_PATIENT = new NhsNumber("9990000026");

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AdapterTckProvider.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(AdapterTck.class))
        .getOrComputeIfAbsent(
            AdapterTckProvider.class, key -> load(context), AdapterTckProvider.class);
  }

  private static AdapterTckProvider load(ExtensionContext context) {
    var named = context.getConfigurationParameter(PROVIDER);
    if (named.isPresent()) {
      String className = named.get();
      try {
        Class<?> type =
            Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        return (AdapterTckProvider) type.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new ParameterResolutionException(
            "%s names '%s', which is not an AdapterTckProvider with a public no-argument constructor"
                .formatted(PROVIDER, className),
            e);
      }
    }
    Iterator<AdapterTckProvider> found = ServiceLoader.load(AdapterTckProvider.class).iterator();
    if (!found.hasNext()) {
      throw new ParameterResolutionException(
          "no AdapterTckProvider: set the JUnit configuration parameter "
              + PROVIDER
              + " on the suite class, or register one with ServiceLoader");
    }
    AdapterTckProvider provider = found.next();
    if (found.hasNext()) {
      throw new ParameterResolutionException(
          "more than one AdapterTckProvider on the class path: name one with " + PROVIDER);
    }
    return provider;
  }
}
