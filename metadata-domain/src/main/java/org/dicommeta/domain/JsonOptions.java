package org.dicommeta.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Rendering options for DICOM JSON. See {@link JsonFlag} for what each flag does.
 *
 * @param flags the requested flags (an unmodifiable copy is kept)
 * @param bulkDataUriTemplate the template for {@link JsonFlag#BULK_DATA_URI}; placeholders
 *        {@code {StudyInstanceUID}}, {@code {SeriesInstanceUID}}, {@code {SOPInstanceUID}}, {@code {tag}}
 */
public record JsonOptions(Set<JsonFlag> flags, String bulkDataUriTemplate) implements RenderOptions {

    public JsonOptions {
        flags = Collections.unmodifiableSet(FlagSets.copy(flags, JsonFlag.class));
        bulkDataUriTemplate = FlagSets.requireTemplate(bulkDataUriTemplate);
    }

    /**
     * The stored-metadata default, the WADO-RS practice: binary values are dropped
     * ({@link JsonFlag#IGNORE_BINARY_DATA}), and the record is minified, since it is read by machines.
     */
    public static JsonOptions defaults() {
        return of(JsonFlag.IGNORE_BINARY_DATA, JsonFlag.MINIFY);
    }

    /** Options with exactly these flags and the default URI template. */
    public static JsonOptions of(JsonFlag... flags) {
        EnumSet<JsonFlag> set = EnumSet.noneOf(JsonFlag.class);
        Collections.addAll(set, flags);
        return new JsonOptions(set, DEFAULT_BULK_DATA_URI_TEMPLATE);
    }

    public JsonOptions withBulkDataUriTemplate(String template) {
        return new JsonOptions(flags, template);
    }

    public boolean has(JsonFlag flag) {
        return flags.contains(flag);
    }

    /** The flags left after the precedence rules: ignore all &gt; ignore binary &gt; ignore pixel; inline &gt; URI. */
    public Set<JsonFlag> effectiveFlags() {
        return Collections.unmodifiableSet(FlagSets.applyPrecedence(FlagSets.copy(flags, JsonFlag.class),
                JsonFlag.IGNORE_ALL_DATA, JsonFlag.IGNORE_BINARY_DATA, JsonFlag.IGNORE_PIXEL_DATA,
                JsonFlag.INLINE_BINARY, JsonFlag.BULK_DATA_URI));
    }

    @Override
    public MetadataFormat format() {
        return MetadataFormat.JSON;
    }

    @Override
    public String canonicalFlags() {
        return FlagSets.canonical(effectiveFlags(), JsonFlag.BULK_DATA_URI, bulkDataUriTemplate);
    }
}
