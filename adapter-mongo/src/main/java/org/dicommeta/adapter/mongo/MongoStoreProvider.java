package org.dicommeta.adapter.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoDriverInformation;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.dicommeta.domain.Secrets;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.StoreProvider;
import org.dicommeta.ports.StoreRequest;

/**
 * Opens MongoDB stores from {@code mongodb://} and {@code mongodb+srv://} URIs
 * ({@code mongodb://user:pw@host:27017/dicom?dicommeta.prefix=dm_}), or over a caller's {@link MongoClient}.
 *
 * <p>A store opened from a URI owns its client and closes it; a store opened with
 * {@link #open(MongoClient, MongoStoreSettings)} never closes the caller's client. Retryable writes are
 * always on; the driver is told the library's name and version.
 */
public final class MongoStoreProvider implements StoreProvider {

    /** The name and version the driver reports to the server. */
    static final MongoDriverInformation DRIVER_INFORMATION = MongoDriverInformation.builder()
            .driverName("dicom-metadata")
            .driverVersion(Objects.requireNonNullElse(MongoStoreProvider.class.getPackage().getImplementationVersion(),
                    "0.1.0-SNAPSHOT"))
            .build();

    public MongoStoreProvider() {
        // Found through ServiceLoader.
    }

    @Override
    public String name() {
        return "mongo";
    }

    @Override
    public List<String> schemes() {
        return List.of("mongodb:", "mongodb+srv:");
    }

    @Override
    public boolean accepts(String uri) {
        return uri != null && (uri.startsWith("mongodb://") || uri.startsWith("mongodb+srv://"));
    }

    @Override
    public MetadataStore open(StoreRequest request) {
        StoreRequest.Split split = request.split();
        ConnectionString cs;
        try {
            cs = new ConnectionString(split.driverUri());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid MongoDB URI " + request.maskedUri() + ": "
                    + Secrets.mask(e.getMessage()), null);
        }
        MongoStoreSettings settings = MongoStoreSettings.fromOptions(split.libraryOptions(),
                cs.getDatabase() == null || cs.getDatabase().isEmpty() ? "dicommeta" : cs.getDatabase());
        long timeoutMs = settings.timeout().toMillis();
        MongoClientSettings clientSettings = MongoClientSettings.builder()
                .applyConnectionString(cs)
                .retryWrites(true)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE),
                        TimeUnit.MILLISECONDS).readTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE),
                        TimeUnit.MILLISECONDS))
                .build();
        MongoClient client;
        try {
            client = MongoClients.create(clientSettings, DRIVER_INFORMATION);
        } catch (MongoException e) {
            throw MongoErrors.translate(request.maskedUri(), "connect", e);
        }
        try {
            return new MongoMetadataStore(client, true, settings, request.maskedUri());
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * A store over a client the caller owns: closing the store leaves the client open.
     *
     * @throws org.dicommeta.domain.BackendUnavailableException when the server cannot be reached
     */
    public static MetadataStore open(MongoClient client, MongoStoreSettings settings) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(settings, "settings");
        return new MongoMetadataStore(client, false, settings, "mongodb (caller's client)/" + settings.database());
    }
}
