package dev.tokendoctor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a session's conclusions in the order of their {@link ContentKey} text without building that text for
 * most of them. Two conclusions of different kinds, or whose first field (the finding id, the check id)
 * differs before either ends, are ordered by that much alone: the full texts would differ at the same
 * character. Only the rest (the same finding concluded twice, say) pay for the full text. A batch run spent a
 * sixth of its diagnosing time building those texts.
 */
final class ConclusionOrder {
  private ConclusionOrder() {}

  /** The conclusions sorted as {@code sort(comparing(ContentKey::of))} would sort them. */
  static List<Object> sorted(List<Object> conclusions) {
    List<Keyed> keyed = new ArrayList<>(conclusions.size());
    for (Object o : conclusions) {
      keyed.add(new Keyed(o));
    }
    keyed.sort(ORDER);
    List<Object> out = new ArrayList<>(keyed.size());
    for (Keyed k : keyed) {
      out.add(k.value);
    }
    return out;
  }

  private static final Comparator<Keyed> ORDER = (a, b) -> {
    int c = decisive(a.kind, b.kind);
    if (c == 0 && a.value.getClass() == b.value.getClass()) {
      c = decisive(a.head, b.head);
    }
    return c != 0 ? c : a.full().compareTo(b.full());
  };

  /**
   * The order of two prefixes when it is the order of whatever follows them too: both known and neither a
   * prefix of the other. Zero when the full texts must decide.
   */
  private static int decisive(String a, String b) {
    if (a == null || b == null || a.startsWith(b) || b.startsWith(a)) {
      return 0;
    }
    return a.compareTo(b);
  }

  /** A conclusion with how its text starts; the whole text is built only when that is not enough. */
  private static final class Keyed {
    final Object value;
    /** {@code "Name["}, or null when the text is not the plain record form. */
    final String kind;
    /** The first field when it is a string, or null. */
    final String head;
    private String full;

    Keyed(Object value) {
      this.value = value;
      this.kind = ContentKey.recordPrefix(value);
      this.head = kind == null ? null : ContentKey.firstString(value);
    }

    String full() {
      if (full == null) {
        full = ContentKey.of(value);
      }
      return full;
    }
  }
}
