package org.carelens.gateway.audit.checkpoint;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code carelens.audit.checkpoint.*}: how often the chain head is signed, with which key, and
 * where the signed checkpoints go. The defaults suit the demo: files under {@code .carelens/} of
 * the working directory and a key created on first start.
 */
@ConfigurationProperties("carelens.audit.checkpoint")
public class CheckpointProperties {

  private boolean enabled = true;
  private Duration interval = Duration.ofMinutes(1);
  private String keyFile = ".carelens/audit-checkpoint-key.json";
  private String file = ".carelens/audit-checkpoints.jsonl";
  private boolean generateKey = true;

  /** Whether this process signs checkpoints; verification reads them either way. */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** How often the head is signed if it has moved; it is also signed on shutdown. */
  public Duration getInterval() {
    return interval;
  }

  public void setInterval(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "carelens.audit.checkpoint.interval must be positive, was " + interval);
    }
    this.interval = interval;
  }

  /** The signing key as a JWK (EC P-256); never in the database. */
  public String getKeyFile() {
    return keyFile;
  }

  public void setKeyFile(String keyFile) {
    this.keyFile = keyFile;
  }

  /** The JSON-lines file the demo's {@link FileCheckpointSink} appends to. */
  public String getFile() {
    return file;
  }

  public void setFile(String file) {
    this.file = file;
  }

  /**
   * Whether a missing key file is created with a new key (the demo). A real deployment supplies the
   * key from its secret store and sets this to false, so a missing key stops start-up instead of
   * quietly starting a new key that no earlier checkpoint verifies against.
   */
  public boolean isGenerateKey() {
    return generateKey;
  }

  public void setGenerateKey(boolean generateKey) {
    this.generateKey = generateKey;
  }
}
