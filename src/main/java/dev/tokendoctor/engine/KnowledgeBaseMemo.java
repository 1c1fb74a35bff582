package dev.tokendoctor.engine;

import java.util.LinkedHashMap;
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
  private final Map<KnowledgeBaseKey, KnowledgeBase> kept = new LinkedHashMap<>(8, 0.75f, true);

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
    return kept.get(key);
  }

  synchronized void put(KnowledgeBaseKey key, KnowledgeBase kb) {
    if (capacity == 0) {
      return;
    }
    kept.put(key, kb);
    var it = kept.entrySet().iterator();
    while (kept.size() > capacity && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  /** How many are kept now. */
  public synchronized int size() {
    return kept.size();
  }
}
