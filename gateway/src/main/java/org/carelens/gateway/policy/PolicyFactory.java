package org.carelens.gateway.policy;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.agreement.SharingAgreement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's {@link AccessPolicy}, built once at start-up. {@code @Context}: the agreement is
 * read and checked while the gateway starts, so an invalid one stops start-up with the loader's
 * message (file, line, problem) instead of failing the first view.
 */
@Factory
class PolicyFactory {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyFactory.class);

  @Context
  AccessPolicy accessPolicy(PolicyProperties properties) {
    SharingAgreement agreement = AgreementFiles.load(properties.getAgreement());
    LOG.info(
        "Sharing agreement {} v{} from {}: sources {}",
        agreement.id(),
        agreement.version(),
        properties.getAgreement(),
        agreement.sources().keySet());
    return new AccessPolicy(agreement);
  }
}
