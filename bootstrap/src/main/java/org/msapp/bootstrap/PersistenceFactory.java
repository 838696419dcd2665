package org.msapp.bootstrap;

import java.util.Optional;
import org.msapp.adapters.postgres.PostgresPersistence;
import org.msapp.adapters.postgres.PostgresProbe;
import org.msapp.application.memory.InMemoryPersistence;
import org.msapp.application.memory.InProcessProbe;
import org.msapp.application.port.Persistence;

/** PostgreSQL when it is configured (waiting for it at start-up), else the in-memory store. */
final class PersistenceFactory {
    private PersistenceFactory() {
    }

    static Adapter<Persistence> create(Optional<Config.Database> database) {
        if (database.isEmpty()) {
            return Adapter.<Persistence>of(new InMemoryPersistence(), "[✓] persistence: in-memory (data is lost when the process stops)")
                    .probedBy(new InProcessProbe("persistence", true, "in-memory"));
        }
        Config.Database db = database.get();
        PostgresPersistence postgres = Postgres.start(db);
        try {
            return Adapter.<Persistence>of(postgres, "[✓] Postgres " + postgres.serverVersion() + " at " + db.settings().where())
                    .probedBy(new PostgresProbe(postgres, db.settings())).closing(postgres).measuredBy(ServiceMetrics.pool(postgres));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }
}
