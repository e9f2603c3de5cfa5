package org.carelens.gateway.policy;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code carelens.policy.*}.
 *
 * <p>{@code agreement}: the sharing agreement, {@code classpath:...}, {@code file:...} or a plain
 * file path. {@code permission-lifetime}: how long permission to view lasts when the caller does
 * not say. {@code drafts}: a directory of draft agreements the preview may load by name.
 */
@ConfigurationProperties("carelens.policy")
public class PolicyProperties {

  /** The demo deployment's agreement, shipped in the gateway jar. */
  public static final String DEFAULT_AGREEMENT = "classpath:agreements/riverside.yml";

  private String agreement = DEFAULT_AGREEMENT;
  private Duration permissionLifetime = Duration.ofHours(24);
  private @Nullable String drafts;

  public String getAgreement() {
    return agreement;
  }

  public void setAgreement(String agreement) {
    this.agreement = agreement;
  }

  public Duration getPermissionLifetime() {
    return permissionLifetime;
  }

  public void setPermissionLifetime(Duration permissionLifetime) {
    if (permissionLifetime.isNegative() || permissionLifetime.isZero()) {
      throw new IllegalArgumentException(
          "carelens.policy.permission-lifetime must be positive, was " + permissionLifetime);
    }
    this.permissionLifetime = permissionLifetime;
  }

  public Optional<String> getDrafts() {
    return Optional.ofNullable(drafts);
  }

  public void setDrafts(@Nullable String drafts) {
    this.drafts = drafts;
  }
}
