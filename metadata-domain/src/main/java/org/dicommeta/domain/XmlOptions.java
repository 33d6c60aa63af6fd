package org.dicommeta.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Rendering options for the Native DICOM Model. See {@link XmlFlag} for what each flag does.
 *
 * @param flags the requested flags (an unmodifiable copy is kept)
 * @param bulkDataUriTemplate the template for {@link XmlFlag#BULK_DATA_URI}
 */
public record XmlOptions(Set<XmlFlag> flags, String bulkDataUriTemplate) implements RenderOptions {

    public XmlOptions {
        flags = Collections.unmodifiableSet(FlagSets.copy(flags, XmlFlag.class));
        bulkDataUriTemplate = FlagSets.requireTemplate(bulkDataUriTemplate);
    }

    /** The stored-metadata default, the WADO-RS practice: binary values are dropped. */
    public static XmlOptions defaults() {
        return of(XmlFlag.IGNORE_BINARY_DATA);
    }

    /** Options with exactly these flags and the default URI template. */
    public static XmlOptions of(XmlFlag... flags) {
        EnumSet<XmlFlag> set = EnumSet.noneOf(XmlFlag.class);
        Collections.addAll(set, flags);
        return new XmlOptions(set, DEFAULT_BULK_DATA_URI_TEMPLATE);
    }

    public XmlOptions withBulkDataUriTemplate(String template) {
        return new XmlOptions(flags, template);
    }

    public boolean has(XmlFlag flag) {
        return flags.contains(flag);
    }

    /** The flags left after precedence: ignore all &gt; ignore binary &gt; ignore pixel; inline &gt; URI &gt; UUID. */
    public Set<XmlFlag> effectiveFlags() {
        return Collections.unmodifiableSet(FlagSets.applyPrecedence(FlagSets.copy(flags, XmlFlag.class),
                XmlFlag.IGNORE_ALL_DATA, XmlFlag.IGNORE_BINARY_DATA, XmlFlag.IGNORE_PIXEL_DATA,
                XmlFlag.INLINE_BINARY, XmlFlag.BULK_DATA_URI, XmlFlag.BULK_DATA_UUID));
    }

    @Override
    public MetadataFormat format() {
        return MetadataFormat.XML;
    }

    @Override
    public String canonicalFlags() {
        return FlagSets.canonical(effectiveFlags(), XmlFlag.BULK_DATA_URI, bulkDataUriTemplate);
    }
}
