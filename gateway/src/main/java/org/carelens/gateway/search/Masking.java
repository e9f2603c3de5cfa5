package org.carelens.gateway.search;

/**
 * Masks the search criteria that identify a person on their own, for the audit (issue 11: only NHS
 * number and date of birth in clear). The first character stays, so an IG officer can tell two
 * searches apart and match a complaint ("someone looked up a J... in LS6"); the rest is asterisks,
 * spaces kept.
 */
final class Masking {

  private Masking() {}

  static String mask(String value) {
    String text = value.strip();
    if (text.isEmpty()) {
      return "";
    }
    StringBuilder masked = new StringBuilder().append(text.charAt(0));
    for (int i = 1; i < text.length(); i++) {
      masked.append(text.charAt(i) == ' ' ? ' ' : '*');
    }
    return masked.toString();
  }
}
