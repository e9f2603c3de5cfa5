package org.carelens.portal.gateway;

import java.util.List;

/**
 * What every merged item in every section carries: an id, the coded concept clinicians read, the
 * sources that recorded it, whether they disagree and, where they do, each source's value. The
 * portal shows all of them for every item.
 */
public interface RecordItem {

  String id();

  Concept concept();

  /** Every source that recorded the item; never null, possibly empty. */
  List<ItemSource> sources();

  /** True when sources disagree about the item (shown, never resolved silently). */
  boolean conflict();

  /** Each field the sources differ on, with every source's value; empty when they agree. */
  List<ItemDifference> differences();
}
