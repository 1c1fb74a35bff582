package dev.tokendoctor.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Knowledge bases a long-lived process keeps in memory between commands (the daemon), by {@link KnowledgeBaseKey}:
 * the same key means the same rules, so a kept base stands in for reading the cache or compiling, and an edited
 * rules folder has a new key and is compiled. A one-shot run keeps none ({@link #NONE}).
 */
public final class KnowledgeBaseMemo {
  /** Keeps nothing. */
  public static final KnowledgeBaseMemo NONE = new KnowledgeBaseMemo(0);

  private final int capacity;
  private final Map<KnowledgeBaseKey, Kept> kept = new LinkedHashMap<>(8, 0.75f, true);

  /** A kept base and its slot: its rules folder and what it is for (whole, or for batch's rows). */
  private record Kept(KnowledgeBase kb, String slot) {}

  /** Keeps the {@code capacity} knowledge bases used last (a rules folder being edited, the built-in rules). */
  public KnowledgeBaseMemo(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity < 0");
    }
    this.capacity = capacity;
  }

  /** The source digested last, by identity: the built-in rules are read once per process, so hit every time. */
  private volatile Keyed last;

  private record Keyed(RuleSource source, String build, KnowledgeBaseKey key) {}

  /**
   * {@link KnowledgeBaseKey#of}, remembered for the last source object: digesting every rule file costs more than
   * a diagnosis on a warm JVM. A folder is read again for every command, so an edit is a new object and a new key.
   */
  KnowledgeBaseKey keyOf(RuleSource source, String build) {
    Keyed k = last;
    if (k != null && k.source() == source && k.build().equals(build)) {
      return k.key();
    }
    KnowledgeBaseKey key = KnowledgeBaseKey.of(source, build);
    if (capacity > 0) {
      last = new Keyed(source, build, key);
    }
    return key;
  }

  synchronized KnowledgeBase get(KnowledgeBaseKey key) {
    Kept k = kept.get(key);
    return k == null ? null : k.kb();
  }

  /**
   * Keeps {@code kb} under {@code key}, in place of any other version in its {@code slot} (a rules folder, whole or
   * for batch's rows): after an edit, a folder's older version is not asked for again. Then the least recently
   * used beyond the capacity go.
   */
  synchronized void put(KnowledgeBaseKey key, KnowledgeBase kb, String slot) {
    if (capacity == 0) {
      return;
    }
    List<KnowledgeBase> gone = new ArrayList<>();
    var versions = kept.entrySet().iterator();
    while (versions.hasNext()) {
      Kept k = versions.next().getValue();
      if (k.kb() != kb && k.slot().equals(slot)) {
        gone.add(k.kb());
        versions.remove();
      }
    }
    kept.put(key, new Kept(kb, slot));
    var it = kept.entrySet().iterator();
    while (kept.size() > capacity && it.hasNext()) {
      gone.add(it.next().getValue().kb());
      it.remove();
    }
    for (KnowledgeBase g : gone) {
      // unless another slot keeps the same base (batch's, when it could not be made apart from the whole one)
      if (kept.values().stream().noneMatch(k -> k.kb() == g)) {
        forget(g);
      }
    }
  }

  /**
   * Disposes the idle sessions of a base no longer kept: Drools keeps every session's truth maintenance in a map
   * of its own until the session is disposed, and with it the session's whole rule base (measured in the daemon:
   * five forgotten rule bases, 20 MiB of heap each, after the start-up benchmark's edits).
   */
  private static void forget(KnowledgeBase kb) {
    kb.sessions().close();
  }

  /** How many are kept now. */
  public synchronized int size() {
    return kept.size();
  }
}
