package org.carelens.sdk.spi;

/**
 * Makes the adapters of one source type. This is how a source type plugs into the gateway: the
 * gateway finds every factory on its classpath with {@link java.util.ServiceLoader} (an adapter jar
 * lists its factory in {@code META-INF/services/org.carelens.sdk.spi.SourceAdapterFactory}) and
 * builds each configured source, {@code carelens.sources.<id>}, with the factory whose {@link
 * #type()} its {@code type} setting names. A new source type is a new jar and configuration; the
 * gateway is not changed.
 *
 * <p><b>Lifecycle.</b> The factory is instantiated once at gateway start-up through its public
 * no-argument constructor, and {@link #create} is called once per configured source of its type,
 * before the gateway serves. The adapters it returns live for the life of the gateway.
 *
 * <p><b>Threading.</b> {@link #create} is called from one thread at start-up; a factory needs no
 * synchronisation unless it shares state between the adapters it makes.
 *
 * <p><b>Failure.</b> A configuration that is missing or wrong is reported by throwing a {@link
 * SourceConfigException} (use {@link SourceConfig}'s typed getters, or {@link
 * SourceConfig#invalid}), whose message names the full setting; the gateway then refuses to start,
 * with that message. {@code create} must not contact the source: a source that is down at start-up
 * is reported on each view, not by a gateway that will not start.
 */
public interface SourceAdapterFactory {

  /**
   * The source type this factory makes, as {@code carelens.sources.<id>.type} names it: lower-case
   * letters, digits and hyphens, e.g. {@code fhir-r4}. Unique among the factories on the classpath.
   */
  String type();

  /**
   * Builds the adapter for one configured source.
   *
   * @param config the source's settings; {@link SourceConfig#sourceId()} is its id
   * @return the adapter, never {@code null}; its {@link SourceDescriptor#id()} is the source id
   * @throws SourceConfigException when a setting is missing or invalid
   */
  SourceAdapter create(SourceConfig config);
}
