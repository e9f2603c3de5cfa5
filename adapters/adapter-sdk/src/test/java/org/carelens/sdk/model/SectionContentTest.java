package org.carelens.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SectionContentTest {

  private static final AllergyItem PENICILLIN =
      new AllergyItem(
          Provenance.of("gp", "a1"),
          new CodedConcept("http://snomed.info/sct", "91936005", "Allergy to penicillin"),
          AllergyItem.Status.ACTIVE,
          Optional.empty(),
          Optional.empty(),
          List.of(),
          Optional.empty(),
          Set.of());

  @Test
  void a_section_is_complete_unless_the_adapter_says_otherwise() {
    SectionContent<AllergyItem> content = SectionContent.of(Section.ALLERGIES, List.of(PENICILLIN));

    assertThat(content.completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void empty_reason_unavailable_is_never_complete() {
    SectionContent<AllergyItem> content =
        new SectionContent<>(
            Section.ALLERGIES, List.of(), Optional.of(EmptyReason.UNAVAILABLE), false);

    assertThat(content.completeness())
        .isEqualTo(Completeness.unavailable(SectionContent.UNAVAILABLE_WITHOUT_REASON));
  }

  @Test
  void an_unavailable_section_carries_the_unavailable_empty_reason() {
    SectionContent<AllergyItem> content =
        SectionContent.unavailable(Section.ALLERGIES, "the bundle has no allergies List");

    assertThat(content.emptyReason()).contains(EmptyReason.UNAVAILABLE);
  }

  @Test
  void an_unavailable_section_cannot_carry_items() {
    assertThatThrownBy(
            () ->
                new SectionContent<>(
                    Section.ALLERGIES,
                    List.of(PENICILLIN),
                    Optional.empty(),
                    false,
                    Completeness.unavailable("broken")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "an unavailable allergies section cannot carry 1 items: report it partial instead");
  }

  @Test
  void a_partial_section_keeps_its_readable_items_and_the_count() {
    SectionContent<AllergyItem> content =
        SectionContent.of(Section.ALLERGIES, List.of(PENICILLIN))
            .withCompleteness(Completeness.partial(1, "1 listed item is not in the Bundle"));

    assertThat(content.items()).containsExactly(PENICILLIN);
    assertThat(content.completeness())
        .isEqualTo(new Completeness.Partial(1, "1 listed item is not in the Bundle"));
  }

  @Test
  void a_partial_section_has_at_least_one_unreadable_item_and_a_reason() {
    assertThatThrownBy(() -> Completeness.partial(0, "x"))
        .hasMessage("a partial section has at least 1 unreadable item, was 0");
    assertThatThrownBy(() -> Completeness.partial(1, " "))
        .hasMessage("a reason must say what went wrong, was blank");
  }

  @Test
  void unreadable_items_count_up_and_never_make_an_unavailable_section_look_partial() {
    Completeness twice = Completeness.complete().plusUnreadable(1, "first").plusUnreadable(2, "x");

    assertThat(twice).isEqualTo(Completeness.partial(3, "first"));
    assertThat(Completeness.unavailable("gone").plusUnreadable(1, "x"))
        .isEqualTo(Completeness.unavailable("gone"));
    assertThat(Completeness.complete().plusUnreadable(0, "x")).isEqualTo(Completeness.complete());
  }
}
