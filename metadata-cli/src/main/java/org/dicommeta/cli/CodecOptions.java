package org.dicommeta.cli;

import java.util.Set;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.codec.json.JsonWriteOptions;
import org.dicommeta.codec.xml.XmlWriteOptions;
import org.dicommeta.domain.JsonFlag;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.XmlFlag;
import org.dicommeta.domain.XmlOptions;

/** The domain's rendering options in the codec's terms, for {@code dump}, which uses the codec directly. */
final class CodecOptions {

    private CodecOptions() {
    }

    static JsonWriteOptions json(JsonOptions o) {
        Set<JsonFlag> f = o.effectiveFlags();
        return JsonWriteOptions.builder()
                .inlineBinary(f.contains(JsonFlag.INLINE_BINARY))
                .bulkDataUri(f.contains(JsonFlag.BULK_DATA_URI))
                .ignorePixelData(f.contains(JsonFlag.IGNORE_PIXEL_DATA))
                .ignoreBinaryData(f.contains(JsonFlag.IGNORE_BINARY_DATA))
                .ignoreAllData(f.contains(JsonFlag.IGNORE_ALL_DATA))
                .trimWhiteSpace(f.contains(JsonFlag.TRIM_WHITE_SPACE))
                .writeKeyword(f.contains(JsonFlag.WRITE_KEYWORD))
                .minify(f.contains(JsonFlag.MINIFY))
                .bulkDataUriTemplate(o.bulkDataUriTemplate())
                .build();
    }

    static XmlWriteOptions xml(XmlOptions o) {
        Set<XmlFlag> f = o.effectiveFlags();
        return XmlWriteOptions.builder()
                .inlineBinary(f.contains(XmlFlag.INLINE_BINARY))
                .bulkDataUri(f.contains(XmlFlag.BULK_DATA_URI))
                .bulkDataUuid(f.contains(XmlFlag.BULK_DATA_UUID))
                .ignorePixelData(f.contains(XmlFlag.IGNORE_PIXEL_DATA))
                .ignoreBinaryData(f.contains(XmlFlag.IGNORE_BINARY_DATA))
                .ignoreAllData(f.contains(XmlFlag.IGNORE_ALL_DATA))
                .trimWhiteSpace(f.contains(XmlFlag.TRIM_WHITE_SPACE))
                .writeFullEndElement(f.contains(XmlFlag.WRITE_FULL_END_ELEMENT))
                .bulkDataUriTemplate(o.bulkDataUriTemplate())
                .build();
    }

    /**
     * Header-only reading (bulk values skipped, not loaded) unless a binary value could be written
     * inline: that is when no ignore flag drops binaries and no reference (URI, UUID) replaces them,
     * or when inline binary is asked for explicitly (precedence: inline &gt; URI &gt; UUID).
     */
    static ReadOptions readOptions(RenderOptions options) {
        boolean ignoreBinary;
        boolean reference;
        boolean inline;
        if (options instanceof JsonOptions j) {
            Set<JsonFlag> f = j.effectiveFlags();
            ignoreBinary = f.contains(JsonFlag.IGNORE_ALL_DATA) || f.contains(JsonFlag.IGNORE_BINARY_DATA);
            inline = f.contains(JsonFlag.INLINE_BINARY);
            reference = f.contains(JsonFlag.BULK_DATA_URI);
        } else {
            Set<XmlFlag> f = ((XmlOptions) options).effectiveFlags();
            ignoreBinary = f.contains(XmlFlag.IGNORE_ALL_DATA) || f.contains(XmlFlag.IGNORE_BINARY_DATA);
            inline = f.contains(XmlFlag.INLINE_BINARY);
            reference = f.contains(XmlFlag.BULK_DATA_URI) || f.contains(XmlFlag.BULK_DATA_UUID);
        }
        boolean valuesNeeded = !ignoreBinary && (inline || !reference);
        return valuesNeeded ? ReadOptions.full() : ReadOptions.headerOnly();
    }
}
