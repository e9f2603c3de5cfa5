package org.carelens.portal.gateway;

import java.util.Objects;

/**
 * A document's content as the gateway relayed it from the source. Held for one dialog, never
 * stored.
 *
 * @param contentType the media type the gateway declared, e.g. {@code text/html; charset=utf-8}
 */
public record DocumentContent(String contentType, byte[] bytes) {

  public DocumentContent {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocumentContent d
        && d.contentType.equals(contentType)
        && java.util.Arrays.equals(d.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return contentType.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "DocumentContent[" + contentType + ", " + bytes.length + " bytes]";
  }
}
