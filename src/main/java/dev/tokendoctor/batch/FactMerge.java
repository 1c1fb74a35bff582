package dev.tokendoctor.batch;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.TicketContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Collection;

/**
 * Merges the facts a ticket's text yields into the ticket's bundle: the bundle wins on conflict. A bundle's
 * section (its environment, its files, its probes...) is what a collector saw whole, so a section the bundle has
 * is kept as is and the text only fills the sections it lacks; the ticket context is merged field by field (the
 * text may add the client tool where the bundle names only the error).
 */
final class FactMerge {
  private FactMerge() {}

  static FactBundle merge(FactBundle bundle, FactBundle text) {
    if (text == null) {
      return bundle;
    }
    if (bundle == null) {
      return text;
    }
    try {
      RecordComponent[] comps = FactBundle.class.getRecordComponents();
      Object[] values = new Object[comps.length];
      Class<?>[] types = new Class<?>[comps.length];
      for (int i = 0; i < comps.length; i++) {
        types[i] = comps[i].getType();
        Object mine = comps[i].getAccessor().invoke(bundle);
        Object theirs = comps[i].getAccessor().invoke(text);
        values[i] = mine instanceof TicketContext a && theirs instanceof TicketContext b ? context(a, b)
            : absent(mine) ? theirs : mine;
      }
      Constructor<FactBundle> c = FactBundle.class.getDeclaredConstructor(types);
      return c.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("FactBundle is a record whose components can be read", e);
    }
  }

  private static boolean absent(Object v) {
    return v == null || (v instanceof Collection<?> c && c.isEmpty());
  }

  private static TicketContext context(TicketContext bundle, TicketContext text) {
    return new TicketContext(
        or(bundle.errorText(), text.errorText()),
        or(bundle.errorCode(), text.errorCode()),
        or(bundle.service(), text.service()),
        or(bundle.operation(), text.operation()),
        or(bundle.clientTool(), text.clientTool()),
        or(bundle.clientVersion(), text.clientVersion()),
        or(bundle.expectedAccount(), text.expectedAccount()),
        bundle.workedBefore() != null ? bundle.workedBefore() : text.workedBefore());
  }

  private static <T> T or(T a, T b) {
    return a != null ? a : b;
  }
}
