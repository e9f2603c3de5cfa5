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
}
