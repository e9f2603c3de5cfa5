package org.carelens.gateway.policy;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.IgScope;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Decision;
import org.carelens.policy.Obligation;
import org.carelens.policy.Role;
import org.carelens.policy.agreement.AgreementException;
import org.carelens.policy.agreement.SharingAgreement;
import org.carelens.policy.consent.Dissent;
import org.carelens.policy.consent.PatientConsent;
import org.carelens.policy.consent.Relationship;
import org.carelens.policy.consent.Viewer;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/policy/preview}: for IG leads checking an agreement before go-live, what a
 * viewer in a role and organisation type would see of a synthetic patient (one item per section,
 * and one per sensitivity label) under the agreement in force or a draft, with each decision's rule
 * and reason. The decisions are the same {@link AccessPolicy} calls every view makes.
 */
@Controller("/api/v1/policy")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "policy", description = "Sharing agreement preview (IG officers)")
public class PolicyPreviewController {

  private static final String VIEWER_ODS = "PREVIEW";

  private final IgScope scopes;
  private final AccessPolicy active;
  private final PolicyProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  public PolicyPreviewController(
      IgScope scopes,
      AccessPolicy active,
      PolicyProperties properties,
      AuditTrail audit,
      Clock clock) {
    this.scopes = scopes;
    this.active = active;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  @Get("/preview")
  @Operation(
      summary = "Preview what a viewer would see under an agreement",
      description =
          "role and organisationType are required. agreement: the id of the agreement in force"
              + " (default) or the name of a draft file <name>.yml in carelens.policy.drafts; an"
              + " invalid draft is a 400 naming its file and line. The synthetic patient's consent:"
              + " dissent=none|whole|<sourceId>, permission=true|false, breakGlass=true|false."
              + " IG officers only.")
  public HttpResponse<PolicyPreview> preview(
      @Header("Authorization") @Nullable String authorization,
      @QueryValue @Nullable String role,
      @QueryValue @Nullable String organisationType,
      @QueryValue @Nullable String agreement,
      @QueryValue @Nullable String dissent,
      @QueryValue @Nullable Boolean permission,
      @QueryValue @Nullable Boolean breakGlass) {
    GatewaySession session = scopes.require(authorization, "the policy preview").session();
    AccessPolicy policy = policy(agreement);
    SharingAgreement a = policy.agreement();
    Role viewerRole =
        Optional.ofNullable(role)
            .flatMap(Role::fromCode)
            .orElseThrow(
                () ->
                    invalid(
                        "role must be one of %s, was %s"
                            .formatted(
                                List.of(Role.values()).stream().map(Role::code).toList(),
                                quoted(role))));
    if (organisationType == null || !a.organisationTypes().contains(organisationType)) {
      throw invalid(
          "organisationType must be one of agreement %s's %s, was %s"
              .formatted(a.id(), a.organisationTypes(), quoted(organisationType)));
    }
    String dissentScope = dissent == null || dissent.isBlank() ? "none" : dissent;
    if (!dissentScope.equals("none")
        && !dissentScope.equals("whole")
        && !a.sources().containsKey(dissentScope)) {
      throw invalid(
          "dissent must be none, whole or one of the agreement's sources %s, was '%s'"
              .formatted(a.sources().keySet(), dissentScope));
    }
    boolean permitted = Boolean.TRUE.equals(permission);
    boolean glass = Boolean.TRUE.equals(breakGlass);
    audit.append(
        AuditEvent.builder(AuditEventType.POLICY_PREVIEW, AuditOutcome.SUCCESS)
            .launch(session.launch())
            .detail("agreement", a.id() + " v" + a.version())
            .detail("role", viewerRole.code())
            .detail("organisationType", organisationType)
            .detail("dissent", dissentScope)
            .detail("permission", permitted)
            .detail("breakGlass", glass)
            .build());
    Instant now = clock.instant();
    Viewer viewer =
        new Viewer(
            "policy-preview",
            viewerRole,
            VIEWER_ODS,
            organisationType,
            glass ? Relationship.BREAK_GLASS : Relationship.LAUNCHED_IN_CONTEXT);
    PatientConsent consent =
        new PatientConsent(
            switch (dissentScope) {
              case "none" -> List.of();
              case "whole" -> List.of(Dissent.wholeRecord());
              default -> List.of(Dissent.fromSource(dissentScope));
            },
            permitted
                ? List.of(
                    new PatientConsent.PermissionToView(
                        VIEWER_ODS, viewer.userId(), now.plus(Duration.ofHours(1))))
                : List.of(),
            glass ? Optional.of(now.plus(a.breakGlass().duration())) : Optional.empty(),
            false);
    List<PolicyPreview.SourcePreview> sources = new ArrayList<>();
    for (String sourceId : a.sources().keySet().stream().sorted().toList()) {
      sources.add(source(policy, viewer, consent, sourceId, now));
    }
    return HttpResponse.ok(
            new PolicyPreview(
                new PolicyPreview.AgreementView(
                    a.id(),
                    a.version(),
                    a.effective().orElse(null),
                    a.organisationTypes().stream().sorted().toList()),
                new PolicyPreview.ViewerView(
                    viewerRole.code(), organisationType, viewer.relationship().name()),
                new PolicyPreview.ConsentView(dissentScope, permitted, glass),
                sources))
        .header("Cache-Control", "no-store");
  }

  private static PolicyPreview.SourcePreview source(
      AccessPolicy policy, Viewer viewer, PatientConsent consent, String sourceId, Instant now) {
    Decision sourceDecision = policy.decideSource(viewer, consent, sourceId, now);
    List<PolicyPreview.SectionPreview> sections = new ArrayList<>();
    Optional<Section> shownSection = Optional.empty();
    for (Section section : Section.values()) {
      Decision decision =
          sourceDecision.permitted()
              ? policy.decideItem(viewer, sourceId, section, java.util.Set.of())
              : sourceDecision;
      if (decision.permitted() && shownSection.isEmpty()) {
        shownSection = Optional.of(section);
      }
      sections.add(new PolicyPreview.SectionPreview(section.key(), outcome(decision)));
    }
    List<PolicyPreview.LabelPreview> labels = new ArrayList<>();
    for (Sensitivity label : Sensitivity.values()) {
      Decision decision =
          shownSection
              .<Decision>map(s -> policy.decideItem(viewer, sourceId, s, java.util.Set.of(label)))
              .orElse(
                  sourceDecision.permitted()
                      ? new Decision.Withhold(
                          "NO_SECTION_SHOWN",
                          "This viewer sees no section of this source",
                          "share-out")
                      : sourceDecision);
      labels.add(
          new PolicyPreview.LabelPreview(
              label.name().toLowerCase(Locale.ROOT).replace('_', '-'), outcome(decision)));
    }
    return new PolicyPreview.SourcePreview(
        sourceId,
        policy
            .agreement()
            .source(sourceId)
            .map(s -> s.shareIn().name().toLowerCase(Locale.ROOT))
            .orElse(null),
        outcome(sourceDecision),
        sections,
        labels);
  }

  private static PolicyPreview.Outcome outcome(Decision decision) {
    List<String> obligations = new ArrayList<>();
    for (Obligation o : Obligation.values()) {
      if (decision.obligations().contains(o)) {
        obligations.add(o.name());
      }
    }
    if (decision instanceof Decision.Withhold w) {
      return new PolicyPreview.Outcome(false, w.ruleId(), w.reasonCode(), w.reason(), obligations);
    }
    return new PolicyPreview.Outcome(true, decision.ruleId(), null, null, obligations);
  }

  /** The agreement in force, or a draft from the drafts directory by name. */
  private AccessPolicy policy(@Nullable String agreement) {
    if (agreement == null || agreement.isBlank() || agreement.equals(active.agreement().id())) {
      return active;
    }
    if (!agreement.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw invalid(
          "agreement must be the id of the agreement in force ('%s') or a draft's file name"
                  .formatted(active.agreement().id())
              + " without .yml (lower-case letters, digits and hyphens)");
    }
    String drafts =
        properties
            .getDrafts()
            .orElseThrow(
                () ->
                    invalid(
                        "agreement '%s' is not the agreement in force ('%s') and no"
                                .formatted(agreement, active.agreement().id())
                            + " carelens.policy.drafts directory is configured"));
    Path file = Path.of(drafts).resolve(agreement + ".yml");
    if (!file.toFile().isFile()) {
      throw invalid("no draft agreement '%s.yml' in %s".formatted(agreement, drafts));
    }
    try {
      return new AccessPolicy(AgreementFiles.load(file.toString()));
    } catch (AgreementException e) {
      // The loader's message names the file, line and problem: exactly what the author needs.
      throw ProblemException.badRequest("INVALID_AGREEMENT", e.getMessage());
    }
  }

  private static String quoted(@Nullable String value) {
    return value == null ? "missing" : "'" + value + "'";
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.badRequest("INVALID_PREVIEW", detail);
  }
}
