package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.carelens.portal.launch.LaunchSession;
import org.junit.jupiter.api.Test;

class RecordAccessTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneOffset.UTC);

  private static LaunchSession launchFor(String nhsNumber, String expiresAt) {
    return new LaunchSession(
        "token", Instant.parse(expiresAt), nhsNumber, "Dr Amira Khan", "clinician", "OOH");
  }

  @Test
  void no_launch_means_no_session() {
    RecordAccess access = RecordAccess.decide(Optional.empty(), "9990000018", NOW);

    assertThat(access).isInstanceOf(RecordAccess.NoSession.class);
  }

  @Test
  void a_launch_for_another_patient_never_reads_this_one() {
    LaunchSession launch = launchFor("9990000026", "2026-11-22T04:10:00Z");

    RecordAccess access = RecordAccess.decide(Optional.of(launch), "9990000018", NOW);

    assertThat(access).isInstanceOf(RecordAccess.OtherPatient.class);
  }

  @Test
  void an_expired_launch_is_not_used() {
    LaunchSession launch = launchFor("9990000018", "2026-11-22T04:00:00Z");

    RecordAccess access = RecordAccess.decide(Optional.of(launch), "9990000018", NOW);

    assertThat(access).isInstanceOf(RecordAccess.Expired.class);
  }

  @Test
  void a_current_launch_for_this_patient_is_permitted() {
    LaunchSession launch = launchFor("9990000018", "2026-11-22T04:10:00Z");

    RecordAccess access = RecordAccess.decide(Optional.of(launch), "9990000018", NOW);

    assertThat(access).isEqualTo(new RecordAccess.Permitted(launch, "9990000018", false));
  }

  @Test
  void a_patient_claimed_on_a_self_claimed_relationship_is_permitted_and_flagged() {
    LaunchSession launch =
        launchFor("9990000018", "2026-11-22T04:10:00Z").withClaimed("9990000026");

    RecordAccess access = RecordAccess.decide(Optional.of(launch), "9990000026", NOW);

    assertThat(access).isEqualTo(new RecordAccess.Permitted(launch, "9990000026", true));
  }

  @Test
  void the_launched_patient_stays_unflagged_after_a_claim_for_another() {
    LaunchSession launch =
        launchFor("9990000018", "2026-11-22T04:10:00Z").withClaimed("9990000026");

    RecordAccess access = RecordAccess.decide(Optional.of(launch), "9990000018", NOW);

    assertThat(access).isEqualTo(new RecordAccess.Permitted(launch, "9990000018", false));
  }

  @Test
  void a_claim_for_one_patient_opens_no_third_patient() {
    LaunchSession launch =
        launchFor("9990000018", "2026-11-22T04:10:00Z").withClaimed("9990000026");

    RecordAccess access = RecordAccess.decide(Optional.of(launch), "9990000034", NOW);

    assertThat(access).isInstanceOf(RecordAccess.OtherPatient.class);
  }
}
