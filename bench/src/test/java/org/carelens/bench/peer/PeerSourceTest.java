package org.carelens.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.carelens.adapters.careplans.internal.PointerSearch;
import org.carelens.adapters.fhirr4.internal.Search;
import org.carelens.adapters.gpconnect.internal.StructuredRecordRequest;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.junit.jupiter.api.Test;

/**
 * The peers must send what the gateway's adapters send, byte for byte, or the bench's canned
 * sources would not recognise their requests and would forward them to the simulators.
 */
class PeerSourceTest {

  private static final String NHS = "9990000018";
  private static final EnumSet<Section> ALL = EnumSet.allOf(Section.class);

  @Test
  void the_gp_call_is_the_structured_record_request_the_adapter_builds() {
    PeerSource.Call call = PeerSource.GP.first(NHS).getFirst();

    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.pathAndQuery()).isEqualTo("/Patient/$gpc.getstructuredrecord");
    assertThat(call.body()).isEqualTo(StructuredRecordRequest.json(new NhsNumber(NHS), ALL));
  }

  @Test
  void the_hospital_calls_are_the_adapters_searches_for_every_section() {
    var paths = PeerSource.ACUTE.first(NHS).stream().map(PeerSource.Call::pathAndQuery).toList();

    assertThat(paths)
        .containsExactlyElementsOf(
            Search.plan(ALL).stream().map(s -> s.pathAndQuery(new NhsNumber(NHS))).toList());
  }

  @Test
  void the_care_plan_calls_are_the_adapters_pointer_searches() {
    var paths =
        PeerSource.CARE_PLANS.first(NHS).stream().map(PeerSource.Call::pathAndQuery).toList();

    assertThat(paths)
        .containsExactlyElementsOf(
            PointerSearch.plan(ALL).stream().map(s -> s.pathAndQuery(new NhsNumber(NHS))).toList());
  }

  @Test
  void the_council_is_read_per_person_only_after_its_search_found_the_patient() throws Exception {
    Answer found =
        Answer.of(
            200,
            ("{\"content\":[{\"id\":\"P4183077\",\"nhsNumber\":\"" + NHS + "\"}]}").getBytes(),
            "the council");
    Answer nobody = Answer.of(200, "{\"content\":[]}".getBytes(), "the council");

    var reads = PeerSource.SOCIAL_CARE.then(NHS, java.util.List.of(found));

    assertThat(reads)
        .extracting(PeerSource.Call::pathAndQuery)
        .containsExactly(
            "/api/v1/people/P4183077/involvements?page=0&size=20",
            "/api/v1/people/P4183077/care-packages?page=0&size=20",
            "/api/v1/people/P4183077/safeguarding?page=0&size=20");
    assertThat(PeerSource.SOCIAL_CARE.then(NHS, java.util.List.of(nobody))).isEmpty();
    assertThat(PeerSource.PDS.then(NHS, java.util.List.of(found))).isEmpty();
  }
}
