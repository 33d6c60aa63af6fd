package org.dicommeta.domain;

import java.util.Optional;

/**
 * Options of a store-instance call.
 *
 * @param overwrite replace an existing index entry of the same SOP Instance UID (its metadata records
 *                  are kept unless {@code render} replaces them)
 * @param render    when present, the formats to render and store in the same call; existing records
 *                  are replaced only when {@code overwrite} is true
 */
public record StoreOptions(boolean overwrite, Optional<MetadataOptions> render) {

    public StoreOptions {
        render = render == null ? Optional.empty() : render;
    }

    /** Index only; an existing UID is left as it was. */
    public static StoreOptions indexOnly() {
        return new StoreOptions(false, Optional.empty());
    }

    /** Index and render these formats; an existing UID is left as it was. */
    public static StoreOptions withMetadata(MetadataOptions render) {
        return new StoreOptions(false, Optional.of(render));
    }

    public StoreOptions withOverwrite(boolean overwrite) {
        return new StoreOptions(overwrite, render);
    }
}
