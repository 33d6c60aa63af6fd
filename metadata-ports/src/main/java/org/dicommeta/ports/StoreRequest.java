package org.dicommeta.ports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dicommeta.domain.Secrets;

/**
 * What to open: a URI and the library's options for it.
 *
 * <p>Library options come from the map or from the URI's query parameters prefixed {@code dicommeta.}
 * ({@code jdbc:postgresql://h/db?user=u&dicommeta.schema=meta}); {@link #split()} separates them so
 * that library options never reach a driver. Options given in the map win over those in the URI.
 *
 * @param uri     the store URI as the user wrote it (may carry a password: never print it unmasked)
 * @param options library options, without the prefix
 */
public record StoreRequest(String uri, Map<String, String> options) {

    /** The prefix of library options inside a URI's query. */
    public static final String OPTION_PREFIX = "dicommeta.";

    public StoreRequest {
        Objects.requireNonNull(uri, "uri");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
    }

    public static StoreRequest of(String uri) {
        return new StoreRequest(uri, Map.of());
    }

    /** The URI with its password masked. */
    public String maskedUri() {
        return Secrets.mask(uri);
    }

    /**
     * The URI without the library's {@code dicommeta.*} query parameters, and every library option
     * (from the URI, then from the map).
     */
    public Split split() {
        int q = uri.indexOf('?');
        Map<String, String> all = new LinkedHashMap<>();
        if (q < 0) {
            all.putAll(options);
            return new Split(uri, all);
        }
        StringBuilder kept = new StringBuilder();
        for (String param : uri.substring(q + 1).split("&")) {
            if (param.startsWith(OPTION_PREFIX)) {
                int eq = param.indexOf('=');
                String key = param.substring(OPTION_PREFIX.length(), eq < 0 ? param.length() : eq);
                all.put(key, eq < 0 ? "" : java.net.URLDecoder.decode(param.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
            } else if (!param.isEmpty()) {
                kept.append(kept.length() == 0 ? '?' : '&').append(param);
            }
        }
        all.putAll(options);
        return new Split(uri.substring(0, q) + kept, all);
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(split().libraryOptions().get(key));
    }

    @Override
    public String toString() {
        return "StoreRequest[" + maskedUri() + ", options=" + maskOptions(options) + "]";
    }

    private static Map<String, String> maskOptions(Map<String, String> options) {
        Map<String, String> m = new LinkedHashMap<>();
        options.forEach((k, v) -> m.put(k, k.toLowerCase(java.util.Locale.ROOT).contains("password")
                ? Secrets.MASK : v));
        return m;
    }

    /**
     * A URI split into what the driver sees and what the library reads.
     *
     * @param driverUri      the URI without {@code dicommeta.*} parameters
     * @param libraryOptions the library's options
     */
    public record Split(String driverUri, Map<String, String> libraryOptions) {

        public Split {
            libraryOptions = Collections.unmodifiableMap(new LinkedHashMap<>(libraryOptions));
        }

        @Override
        public String toString() {
            return "Split[" + Secrets.mask(driverUri) + ", " + maskOptions(libraryOptions) + "]";
        }
    }
}
