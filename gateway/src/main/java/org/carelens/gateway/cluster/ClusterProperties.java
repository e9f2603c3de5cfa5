package org.carelens.gateway.cluster;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How a replica hears about purges from the others and how it drains ({@code carelens.cluster}).
 */
@ConfigurationProperties("carelens.cluster")
public class ClusterProperties {

  private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private String purgeChannel = "carelens_cache_purge";
  private Duration reconnectDelay = Duration.ofMillis(250);
  private Duration drainTimeout = Duration.ofSeconds(10);

  /**
   * The PostgreSQL notification channel purges are announced on. Channels are per database, not per
   * schema: two deployments sharing one database need different channels.
   */
  public String getPurgeChannel() {
    return purgeChannel;
  }

  public void setPurgeChannel(String purgeChannel) {
    if (!CHANNEL.matcher(purgeChannel).matches()) {
      throw new IllegalArgumentException(
          "carelens.cluster.purge-channel must be a lower-case SQL identifier, was '"
              + purgeChannel
              + "'");
    }
    this.purgeChannel = purgeChannel;
  }

  /** How long the purge listener waits before reconnecting after losing its connection. */
  public Duration getReconnectDelay() {
    return reconnectDelay;
  }

  public void setReconnectDelay(Duration reconnectDelay) {
    this.reconnectDelay = reconnectDelay;
  }

  /**
   * On shutdown, how long views already in flight may take to finish (and be audited) after the
   * replica stops accepting new ones. Keep it above the fan-out deadline.
   */
  public Duration getDrainTimeout() {
    return drainTimeout;
  }

  public void setDrainTimeout(Duration drainTimeout) {
    if (drainTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "carelens.cluster.drain-timeout must not be negative, was " + drainTimeout);
    }
    this.drainTimeout = drainTimeout;
  }
}
