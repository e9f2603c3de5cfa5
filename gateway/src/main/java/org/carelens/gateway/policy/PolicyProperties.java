package org.carelens.gateway.policy;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code carelens.policy.*}.
 *
 * <p>{@code agreement}: the sharing agreement, {@code classpath:...}, {@code file:...} or a plain
 * file path. {@code drafts}: a directory of draft agreements the preview may load by name. How long
 * permission to view lasts is the agreement's {@code permissionToView.maxDuration}, not
 * configuration.
 */
@ConfigurationProperties("carelens.policy")
public class PolicyProperties {

  /** The demo deployment's agreement, shipped in the gateway jar. */
  public static final String DEFAULT_AGREEMENT = "classpath:agreements/riverside.yml";

  private String agreement = DEFAULT_AGREEMENT;
  private @Nullable String drafts;

  public String getAgreement() {
    return agreement;
  }

  public void setAgreement(String agreement) {
    this.agreement = agreement;
  }

  public Optional<String> getDrafts() {
    return Optional.ofNullable(drafts);
  }

  public void setDrafts(@Nullable String drafts) {
    this.drafts = drafts;
  }
}
