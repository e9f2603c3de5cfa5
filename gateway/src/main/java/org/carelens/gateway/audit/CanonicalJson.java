package org.carelens.gateway.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes audit details as compact JSON with object keys sorted, so equal details always give equal
 * text (and equal hashes) whichever map implementation the caller used.
 */
final class CanonicalJson {

  private CanonicalJson() {}

  static String write(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, @Nullable Object value) {
    switch (value) {
      case null -> out.append("null");
      case Optional<?> optional -> write(out, optional.orElse(null));
      case Boolean b -> out.append(b);
      case Integer i -> out.append(i);
      case Long l -> out.append(l);
      case Number n -> out.append(n.toString());
      case Enum<?> e -> string(out, e.name());
      case Map<?, ?> map -> object(out, map);
      case Collection<?> list -> array(out, list);
      case CharSequence s -> string(out, s.toString());
      default -> string(out, value.toString());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map) {
    TreeMap<String, @Nullable Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, @Nullable Object> e : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, e.getKey());
      out.append(':');
      write(out, e.getValue());
    }
    out.append('}');
  }

  private static void array(StringBuilder out, Collection<?> list) {
    out.append('[');
    boolean first = true;
    for (Object item : list) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write(out, item);
    }
    out.append(']');
  }

  // RFC 8259 section 7: quote, backslash and control characters must be escaped.
  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
