package org.carelens.portal.ig;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carelens.portal.gateway.BreakGlassReviewItem;
import org.carelens.portal.gateway.ClaimOptions;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.gateway.RelationshipClaimReviewItem;
import org.carelens.portal.gateway.ReviewItem;
import org.carelens.portal.gateway.ReviewQueueFilter;

/**
 * What one IG review queue adds to what {@link ReviewQueueSection} shows for every queue (time,
 * user, role, organisation, patient, review status and the Acknowledge action): its element ids,
 * words, own columns and gateway calls. The gateway keeps every queue the same way, so the portal
 * shows every queue the same way too.
 *
 * @param id prefix of the section's element ids ({@code <id>-show}, {@code <id>-grid}, {@code
 *     <id>-acknowledge} on each row's button ...); stable, the end-to-end tests use them
 * @param heading the section's heading
 * @param explanation what is reviewed and how, for the officer
 * @param one the count's noun for one entry, {@code declaration}
 * @param many the count's noun for several, {@code declarations}
 * @param entry what one entry is called in an action, {@code break-glass} in "Acknowledge
 *     break-glass"
 * @param entries what the entries are called in full, {@code break-glass declarations}
 * @param columns the queue's own columns, shown between the patient and the review status
 * @param summary the entry's own part of the acknowledgement dialog's summary line
 * @param reader reads the queue with the officer's token
 * @param acknowledger acknowledges one entry with the officer's token and note
 */
record ReviewQueueKind<T extends ReviewItem>(
    String id,
    String heading,
    String explanation,
    String one,
    String many,
    String entry,
    String entries,
    List<Column<T>> columns,
    Function<T, String> summary,
    Reader<T> reader,
    Acknowledger<T> acknowledger) {

  ReviewQueueKind {
    Objects.requireNonNull(id, "id");
    columns = List.copyOf(columns);
  }

  /** A column of the queue's grid; {@code key} is its stable column key. */
  record Column<T>(String header, String key, Function<T, String> value, int flexGrow) {}

  /** Reads the queue, newest first. */
  @FunctionalInterface
  interface Reader<T> {
    List<T> read(String accessToken, ReviewQueueFilter filter);
  }

  /** Acknowledges one entry and returns it as the gateway now has it. */
  @FunctionalInterface
  interface Acknowledger<T> {
    T acknowledge(String accessToken, long sequence, String note);
  }

  /** The break-glass review queue (PRODUCT.md rule 7: every break-glass is reviewed). */
  static ReviewQueueKind<BreakGlassReviewItem> breakGlass(GatewayClient gateway, ZoneId zone) {
    return new ReviewQueueKind<>(
        "break-glass",
        "Break-glass review",
        "Every emergency (break-glass) access is reviewed. Read the reason the user gave, then"
            + " acknowledge it with a note saying what the review found.",
        "declaration",
        "declarations",
        "break-glass",
        "break-glass declarations",
        List.of(
            new Column<>("Reason", "reason", BreakGlassFormat::reason, 1),
            new Column<>("Detail", "detail", i -> ReviewFormat.recorded(i.detail()), 3),
            new Column<>("Expires", "expires", i -> BreakGlassFormat.expiry(i, zone), 1)),
        i -> BreakGlassFormat.reason(i) + " — " + ReviewFormat.recorded(i.detail()),
        gateway::breakGlassQueue,
        gateway::acknowledgeBreakGlass);
  }

  /**
   * The self-claimed relationship review queue (PRODUCT.md rule 1, issue 10: each claim is queued
   * for IG review, like break-glass). The claim's audit entry holds its reason code; the words for
   * it are read from the agreement in force ({@code GET .../relationship} for the officer's own
   * launched patient: the agreement's list, no patient data) each time the queue is read.
   *
   * @param launchedNhsNumber the officer's launched patient, which the options call is made for
   */
  static ReviewQueueKind<RelationshipClaimReviewItem> relationshipClaims(
      GatewayClient gateway, String launchedNhsNumber) {
    ReasonWords words = new ReasonWords(gateway, launchedNhsNumber);
    return new ReviewQueueKind<>(
        "relationship-claims",
        "Self-claimed relationship review",
        "Every relationship a user claimed with a patient they were not launched for is reviewed."
            + " Check their reason against what you know of their work (rota, caseload,"
            + " referral), then acknowledge it with a note saying what the review found.",
        "claim",
        "claims",
        "relationship claim",
        "self-claimed relationships",
        List.of(
            new Column<>("Reason", "reason", i -> ClaimFormat.reason(i, words.current()), 2),
            new Column<>("In their words", "words", i -> ReviewFormat.recorded(i.reason()), 3),
            new Column<>("Launched for", "launched", ClaimFormat::launchedFor, 1)),
        i -> ClaimFormat.reason(i, words.current()) + " — " + ReviewFormat.recorded(i.reason()),
        (token, filter) -> {
          words.refresh(token);
          return gateway.relationshipClaimQueue(token, filter);
        },
        gateway::acknowledgeRelationshipClaim);
  }

  /**
   * The agreement's words for its claim reason codes, as last read. Reading them may fail while the
   * queue can still be read; the codes are then shown as recorded, never the rows dropped.
   */
  private static final class ReasonWords {

    private final GatewayClient gateway;
    private final String launchedNhsNumber;
    private Map<String, String> current = Map.of();

    ReasonWords(GatewayClient gateway, String launchedNhsNumber) {
      this.gateway = gateway;
      this.launchedNhsNumber = launchedNhsNumber;
    }

    void refresh(String accessToken) {
      try {
        current =
            gateway.claimOptions(accessToken, launchedNhsNumber).reasons().stream()
                .collect(
                    Collectors.toUnmodifiableMap(
                        ClaimOptions.Reason::code, ClaimOptions.Reason::label, (a, b) -> a));
      } catch (GatewayException e) {
        current = Map.of();
      }
    }

    Map<String, String> current() {
      return current;
    }
  }
}
