package org.carelens.portal.gateway;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IG officer's audit search: every criterion is optional; {@code limit} is 1 to 1000.
 *
 * @param patient ten digits, no spaces
 * @param event an audit event type such as {@code RECORD_VIEW}
 */
public record AuditCriteria(
    Optional<String> patient,
    Optional<String> user,
    Optional<String> organisation,
    Optional<String> event,
    Optional<Instant> from,
    Optional<Instant> to,
    int limit) {

  /** The gateway's largest page. */
  public static final int MAX_LIMIT = 1000;

  private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

  public AuditCriteria {
    patient = patient.map(String::strip).filter(p -> !p.isEmpty());
    user = user.map(String::strip).filter(u -> !u.isEmpty());
    organisation = organisation.map(String::strip).filter(o -> !o.isEmpty());
    event = event.map(String::strip).filter(e -> !e.isEmpty());
    patient.ifPresent(
        p -> {
          if (!TEN_DIGITS.matcher(p).matches()) {
            throw new IllegalArgumentException(
                "NHS number must be 10 digits, was '%s'".formatted(p));
          }
        });
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "Limit must be 1 to %d, was %d".formatted(MAX_LIMIT, limit));
    }
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new IllegalArgumentException(
          "The search starts (%s) after it ends (%s)".formatted(from.get(), to.get()));
    }
  }

  /** No criteria: the newest 100 entries. */
  public static AuditCriteria newest() {
    return new AuditCriteria(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        100);
  }

  /** The query parameters, in a stable order, unencoded. */
  public Map<String, String> parameters() {
    Map<String, String> q = new LinkedHashMap<>();
    patient.ifPresent(p -> q.put("patient", p));
    user.ifPresent(u -> q.put("user", u));
    organisation.ifPresent(o -> q.put("organisation", o));
    event.ifPresent(e -> q.put("event", e));
    from.ifPresent(f -> q.put("from", f.toString()));
    to.ifPresent(t -> q.put("to", t.toString()));
    q.put("limit", Integer.toString(limit));
    return q;
  }
}
