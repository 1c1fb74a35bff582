package dev.tokendoctor.engine;

import dev.tokendoctor.diagnosis.SessionDrafts;
import dev.tokendoctor.diagnosis.Wording;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.ObjectFilter;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A session holding the reference tables. Inserting the tables and creating the session cost more than a
 * small bundle's own facts, so a batch run keeps one session per thread and, after each bundle, deletes
 * every fact but the tables: the session is then in the state a fresh one is in.
 */
final class PooledSession {
  final KieSession session;
  final Set<FactHandle> tables = new HashSet<>();
  final List<String> fired = new ArrayList<>();

  PooledSession(KnowledgeBase kb) {
    session = kb.newSession();
    session.addEventListener(new DefaultAgendaEventListener() {
      @Override
      public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(event.getMatch().getRule().getName());
      }
    });
    SessionDrafts.attach(session, Wording.of(kb.kieBase()));
    for (Object row : kb.tableFacts()) {
      tables.add(session.insert(row));
    }
  }

  /** Deletes the bundle's facts and what the rules concluded; true when only the tables are left. */
  boolean reset() {
    // A copy: the session's own collection is a live view that deleting changes. Copied by walking it once
    // (copying it whole asks its size first, which walks every fact, tables included, one more time).
    List<FactHandle> handles = new ArrayList<>();
    for (FactHandle h : session.getFactHandles(NOT_TABLE)) {
      handles.add(h);
    }
    for (FactHandle h : handles) {
      if (!tables.contains(h)) {
        session.delete(h);
      }
    }
    fired.clear();
    SessionDrafts.clear(session);
    return session.getFactCount() == tables.size();
  }

  private static final Set<Class<?>> TABLE_KINDS = Set.copyOf(Tables.KINDS.values());
  /** Everything but the rows of a reference table: every kind {@link Tables} reads. */
  private static final ObjectFilter NOT_TABLE = o -> !TABLE_KINDS.contains(o.getClass());
}
