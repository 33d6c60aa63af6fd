package org.dicommeta.it.jdbc;

import java.time.Instant;
import java.util.Map;
import org.dicommeta.adapter.jdbc.JdbcStoreProvider;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreRequest;

/**
 * A second JVM for {@link JdbcStoreIT}: waits until a given wall-clock moment, opens the store (migrating
 * its schema), indexes one instance and exits 0, or prints the failure and exits 1.
 * Arguments: JDBC URL, schema, start moment (epoch ms), SOP Instance UID.
 */
public final class MigrateOnceMain {

    private MigrateOnceMain() {
    }

    public static void main(String[] args) throws Exception {
        long startAt = Long.parseLong(args[2]);
        long wait = startAt - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        try (MetadataStore store = new JdbcStoreProvider().open(new StoreRequest(args[0],
                Map.of("schema", args[1], "migrate", "create", "poolSize", "1")))) {
            InstanceOutcome o = store.putInstance(new Instance(args[3], "1.2.3", "1.2.3.4", "P", "1.2.840.10008.5.1.4.1.1.2",
                    "1.2.840.10008.1.2.1", "/tmp/none.dcm", Instant.now()), false);
            System.out.println("migrated and stored: " + o);
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
