package org.carelens.portal.gateway;

/**
 * What a record stream reports, in order: any number of {@link #source} calls, then exactly one of
 * {@link #complete} or {@link #failed}. Calls come from the stream's own thread, never the
 * caller's; none start after {@link RecordStream#cancel()} returns.
 */
public interface RecordStreamListener {

  /** One source answered (or was withheld, timed out, failed); its items are provisional. */
  void source(SourceEvent event);

  /** The whole merged view, the same as {@link GatewayClient#record}: the authoritative one. */
  void complete(RecordView record);

  /**
   * The stream failed before the whole view arrived: refused (401, 403, 400), unreachable, cut off
   * part way, timed out or unreadable. What arrived before is not a whole view.
   */
  void failed(GatewayException failure);
}
