package org.carelens.adapters.socialcare;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.carelens.adapters.http.ClientCredentialsTokens;
import org.carelens.adapters.http.Deadline;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.adapters.http.SourceHttpClient;
import org.carelens.adapters.socialcare.internal.Pages;
import org.carelens.adapters.socialcare.internal.SocialCareClient;
import org.carelens.adapters.socialcare.internal.SocialCareMapper;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;

/**
 * Reads a person's adult social care record from the council's JSON REST API:
 *
 * <ol>
 *   <li>an OAuth2 access token from {@code POST {base}/oauth/token} (client credentials, HTTP
 *       Basic), cached until shortly before {@code expires_in} and shared by every fetch;
 *   <li>{@code GET {base}/api/v1/people?nhsNumber=...} for the council's person id (an empty page
 *       is {@link SourceOutcome.NoRecord});
 *   <li>for the sections asked for, at the same time, every page of {@code
 *       /api/v1/people/{id}/involvements} (care team), {@code /care-packages} (social care) and
 *       {@code /safeguarding} (alerts).
 * </ol>
 *
 * <p>A 401 from the API drops the cached token and retries once with a new one. The whole fetch —
 * token, search and every page — is bounded by {@link SocialCareRestConfig#requestTimeout()}; each
 * body by {@link SocialCareRestConfig#maxResponseBytes()}; pages by {@link
 * SocialCareRestConfig#maxPages()}.
 *
 * <p><b>Failure.</b> A failed token or people search fails the source. After that, each section
 * stands alone: a resource whose first page cannot be read makes its section unavailable (the
 * failure is the reason); a later page that cannot be read, or pages beyond the cap, keep the items
 * read and make the section partial, counting the items unread from the council's {@code
 * totalElements}, or as at least one when it gives none; an unreadable item costs only itself. When
 * no section asked for could be read at all, the source failed, reported as the first failure.
 *
 * <p>Thread-safe: one HTTP client and one token cache serve every concurrent {@link #fetch};
 * interruption abandons the exchange in flight and propagates.
 */
public final class SocialCareRestAdapter implements SourceAdapter {

  private static final System.Logger LOG = System.getLogger(SocialCareRestAdapter.class.getName());

  private final SocialCareRestConfig config;
  private final SourceHttpClient http;
  private final SocialCareClient client;
  private final SocialCareMapper mapper;
  private final SourceDescriptor descriptor;

  public SocialCareRestAdapter(SocialCareRestConfig config) {
    this(config, Clock.systemUTC());
  }

  /**
   * @param clock decides when the cached token is due for refresh
   */
  public SocialCareRestAdapter(SocialCareRestConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    // No redirects (the toolkit's client): one would carry the bearer token or secret elsewhere.
    this.http = new SourceHttpClient(config.connectTimeout(), config.maxResponseBytes());
    ClientCredentialsTokens tokens =
        new ClientCredentialsTokens(
            http,
            config.tokenUrl(),
            config.clientId(),
            config.clientSecret(),
            "the council's token endpoint",
            clock);
    this.client =
        new SocialCareClient(http, tokens, config.baseUrl(), config.pageSize(), config.maxPages());
    this.mapper =
        new SocialCareMapper(config.sourceId(), config.councilCode(), config.displayName());
    this.descriptor =
        new SourceDescriptor(
            config.sourceId(),
            config.displayName(),
            config.councilCode(),
            EnumSet.of(Section.ALERTS, Section.CARE_TEAM, Section.SOCIAL_CARE));
  }

  @Override
  public SourceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public SourceOutcome fetch(SourceRequest request) throws InterruptedException {
    Objects.requireNonNull(request, "request");
    Deadline deadline = Deadline.after(config.requestTimeout());
    try {
      Optional<JsonNode> person =
          client.findPerson(request.nhsNumber(), request.context(), deadline);
      if (person.isEmpty()) {
        return new SourceOutcome.NoRecord(
            "the council's adult social care system holds no person with this NHS number");
      }
      String id = person.get().path("id").asText();
      Set<Section> asked = request.sections();
      Map<Section, SectionContent<?>> sections = new EnumMap<>(Section.class);
      List<SourceOutcome.Failed> failures = new ArrayList<>();
      // The three per-person resources are independent: read them at once after the lookup, so a
      // view waits for the slowest of them, not their sum (issue 14).
      Map<Section, Future<Read>> reads = new java.util.LinkedHashMap<>();
      try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
        submit(
            reads,
            readers,
            asked,
            Section.CARE_TEAM,
            "involvements",
            id,
            request.context(),
            deadline,
            mapper::careTeam);
        submit(
            reads,
            readers,
            asked,
            Section.SOCIAL_CARE,
            "care-packages",
            id,
            request.context(),
            deadline,
            mapper::socialCare);
        submit(
            reads,
            readers,
            asked,
            Section.ALERTS,
            "safeguarding",
            id,
            request.context(),
            deadline,
            mapper::alerts);
        try {
          // In a fixed order, so the failure reported when all fail does not depend on timing.
          for (Map.Entry<Section, Future<Read>> read : reads.entrySet()) {
            Read done = join(read.getValue());
            sections.put(read.getKey(), done.content());
            done.failure().ifPresent(failures::add);
          }
        } catch (InterruptedException e) {
          readers.shutdownNow();
          throw e;
        }
      }
      if (!sections.isEmpty() && failures.size() == sections.size()) {
        // Nothing asked for could be read: the source failed, not just some of its sections.
        return failures.getFirst();
      }
      return new SourceOutcome.Loaded(
          new SourceRecord(mapper.identity(person.get(), request.nhsNumber()), sections));
    } catch (ExchangeFailedException e) {
      return e.outcome();
    }
  }

  /** One section's content, and the failure that made it unavailable, if one did. */
  private record Read(SectionContent<?> content, Optional<SourceOutcome.Failed> failure) {}

  private void submit(
      Map<Section, Future<Read>> reads,
      ExecutorService readers,
      Set<Section> asked,
      Section section,
      String resource,
      String personId,
      RequestContext context,
      Deadline deadline,
      Function<Pages, SectionContent<?>> map) {
    if (asked.contains(section)) {
      reads.put(
          section, readers.submit(() -> read(section, resource, personId, context, deadline, map)));
    }
  }

  private static Read join(Future<Read> read) throws InterruptedException {
    try {
      return read.get();
    } catch (ExecutionException e) {
      // read() turns every failure it knows into an unavailable section; anything else is a bug.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * One section from one paged resource. A failed request for it (its first page) makes the section
   * unavailable, with the failure as the reason.
   */
  private Read read(
      Section section,
      String resource,
      String personId,
      RequestContext context,
      Deadline deadline,
      Function<Pages, SectionContent<?>> map)
      throws InterruptedException {
    try {
      return new Read(
          map.apply(client.readAll(personId, resource, context, deadline)), Optional.empty());
    } catch (ExchangeFailedException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "source {0}: {1} section unavailable: {2}",
          config.sourceId(),
          section.key(),
          e.outcome().detail());
      return new Read(
          SectionContent.unavailable(section, e.outcome().detail()), Optional.of(e.outcome()));
    }
  }

  /** Aborts exchanges in flight and releases the client's connections. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "SocialCareRestAdapter[" + config.sourceId() + " -> " + config.baseUrl() + "]";
  }
}
