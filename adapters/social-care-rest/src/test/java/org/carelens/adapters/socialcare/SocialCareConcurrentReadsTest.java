package org.carelens.adapters.socialcare;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: after the person lookup, the involvements, care packages and safeguarding are read at
 * the same time, so a view waits for the slowest, not the sum. The council here answers the three
 * first pages only once all three requests have arrived (a barrier): read one after another, the
 * first would wait until the adapter's time limit and its section would be unavailable.
 */
class SocialCareConcurrentReadsTest {

  private final CyclicBarrier allThree = new CyclicBarrier(3);
  private WireMockServer council;
  private SocialCareRestAdapter adapter;

  @BeforeEach
  void start() {
    council =
        new WireMockServer(
            WireMockConfiguration.options().dynamicPort().extensions(new AwaitAllThree()));
    council.start();
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    adapter =
        new SocialCareRestAdapter(
            SocialCareRestConfig.withDefaults(
                "social-care",
                "Council adult social care",
                URI.create(council.baseUrl()),
                "LA001",
                CouncilStubs.CLIENT_ID,
                CouncilStubs.CLIENT_SECRET),
            Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    adapter.close();
    council.stop();
  }

  @Test
  void the_three_per_person_resources_are_asked_for_at_the_same_time() throws Exception {
    SourceOutcome outcome =
        adapter.fetch(
            Samples.request(
                Samples.PATIENT, Section.CARE_TEAM, Section.SOCIAL_CARE, Section.ALERTS));

    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    var sections = ((SourceOutcome.Loaded) outcome).record().sections();
    assertThat(sections).containsOnlyKeys(Section.CARE_TEAM, Section.SOCIAL_CARE, Section.ALERTS);
    assertThat(sections.values())
        .allSatisfy(c -> assertThat(c.completeness()).isInstanceOf(Completeness.Complete.class));
  }

  /** Holds each per-person first page until all three have been asked for; else answers 503. */
  private final class AwaitAllThree implements ResponseDefinitionTransformerV2 {

    @Override
    public String getName() {
      return "await-all-three";
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      String url = serveEvent.getRequest().getUrl();
      boolean perPerson =
          url.startsWith("/api/v1/people/")
              && url.contains("page=0")
              && (url.contains("/involvements")
                  || url.contains("/care-packages")
                  || url.contains("/safeguarding"));
      if (!perPerson) {
        return serveEvent.getResponseDefinition();
      }
      try {
        // Generous: the three requests of one fetch arrive within milliseconds of each other.
        allThree.await(20, TimeUnit.SECONDS);
        return serveEvent.getResponseDefinition();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ResponseDefinition.notConfigured();
      } catch (BrokenBarrierException | TimeoutException e) {
        return new ResponseDefinition(503, "the three reads did not arrive together");
      }
    }
  }
}
