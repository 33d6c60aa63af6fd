package org.dicommeta.it.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreProviders;
import org.dicommeta.ports.StoreRequest;
import org.dicommeta.tck.MetadataStoreContract;
import org.dicommeta.tck.StoreCapability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The whole contract kit on PostgreSQL, opened the way users open it: a {@code jdbc:postgresql:} URI
 * resolved through {@link java.util.ServiceLoader}. Each store lives in a fresh schema, dropped afterwards.
 */
@DisplayName("contract kit on the PostgreSQL backend")
class JdbcStoreContractIT implements MetadataStoreContract {

    private static final List<String> SCHEMAS = new ArrayList<>();

    @Override
    public MetadataStore openEmptyStore() {
        String schema = PostgresServer.freshSchema("kit");
        synchronized (SCHEMAS) {
            SCHEMAS.add(schema);
        }
        String uri = PostgresServer.url("schema=" + schema, "poolSize=4");
        return StoreProviders.find(uri, StoreProviders.installed(getClass().getClassLoader())).open(StoreRequest.of(uri));
    }

    @Override
    public Set<StoreCapability> capabilities() {
        // bytea holds up to 1 GB.
        return Set.of(StoreCapability.LARGE_RECORDS_OVER_16MB);
    }

    @AfterAll
    static void dropSchemas() {
        synchronized (SCHEMAS) {
            SCHEMAS.forEach(PostgresServer::dropSchema);
            SCHEMAS.clear();
        }
    }
}
