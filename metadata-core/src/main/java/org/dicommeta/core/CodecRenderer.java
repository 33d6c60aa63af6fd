package org.dicommeta.core;

import java.util.Set;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.json.DicomJsonWriter;
import org.dicommeta.codec.json.JsonWriteOptions;
import org.dicommeta.codec.xml.NativeXmlWriter;
import org.dicommeta.codec.xml.XmlWriteOptions;
import org.dicommeta.domain.JsonFlag;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.XmlFlag;
import org.dicommeta.domain.XmlOptions;

/**
 * Renders with dicom-codec's writers. The domain's flags are mapped after precedence
 * ({@code effectiveFlags()}), so the codec only ever sees the flag set the record's provenance names,
 * and the domain's URI template is always passed (the codec's own default differs).
 */
final class CodecRenderer implements Renderer {

    static final CodecRenderer INSTANCE = new CodecRenderer();

    private CodecRenderer() {
    }

    @Override
    public byte[] render(DataSet dataSet, RenderOptions options) {
        if (options instanceof JsonOptions json) {
            return DicomJsonWriter.toBytes(dataSet, jsonOptions(json));
        }
        return NativeXmlWriter.toBytes(dataSet, xmlOptions((XmlOptions) options));
    }

    static JsonWriteOptions jsonOptions(JsonOptions options) {
        Set<JsonFlag> f = options.effectiveFlags();
        return JsonWriteOptions.builder()
                .inlineBinary(f.contains(JsonFlag.INLINE_BINARY))
                .bulkDataUri(f.contains(JsonFlag.BULK_DATA_URI))
                .ignorePixelData(f.contains(JsonFlag.IGNORE_PIXEL_DATA))
                .ignoreBinaryData(f.contains(JsonFlag.IGNORE_BINARY_DATA))
                .ignoreAllData(f.contains(JsonFlag.IGNORE_ALL_DATA))
                .trimWhiteSpace(f.contains(JsonFlag.TRIM_WHITE_SPACE))
                .writeKeyword(f.contains(JsonFlag.WRITE_KEYWORD))
                .minify(f.contains(JsonFlag.MINIFY))
                .bulkDataUriTemplate(options.bulkDataUriTemplate())
                .build();
    }

    static XmlWriteOptions xmlOptions(XmlOptions options) {
        Set<XmlFlag> f = options.effectiveFlags();
        return XmlWriteOptions.builder()
                .inlineBinary(f.contains(XmlFlag.INLINE_BINARY))
                .bulkDataUri(f.contains(XmlFlag.BULK_DATA_URI))
                .bulkDataUuid(f.contains(XmlFlag.BULK_DATA_UUID))
                .ignorePixelData(f.contains(XmlFlag.IGNORE_PIXEL_DATA))
                .ignoreBinaryData(f.contains(XmlFlag.IGNORE_BINARY_DATA))
                .ignoreAllData(f.contains(XmlFlag.IGNORE_ALL_DATA))
                .trimWhiteSpace(f.contains(XmlFlag.TRIM_WHITE_SPACE))
                .writeFullEndElement(f.contains(XmlFlag.WRITE_FULL_END_ELEMENT))
                .bulkDataUriTemplate(options.bulkDataUriTemplate())
                .build();
    }

    /**
     * Whether these options would write a binary value inline, so the source must be read fully: binary
     * data is neither ignored nor replaced by a reference. (A header-only read leaves large values on
     * disk; the codec then writes a reference or refuses to inline them.)
     */
    /** Whether any of the formats of {@code options} would write a binary value inline. */
    static boolean writesBinaryInline(org.dicommeta.domain.MetadataOptions options) {
        for (RenderOptions o : options.all()) {
            if (writesBinaryInline(o)) {
                return true;
            }
        }
        return false;
    }

    static boolean writesBinaryInline(RenderOptions options) {
        if (options instanceof JsonOptions json) {
            Set<JsonFlag> f = json.effectiveFlags();
            if (f.contains(JsonFlag.IGNORE_ALL_DATA) || f.contains(JsonFlag.IGNORE_BINARY_DATA)) {
                return false;
            }
            return f.contains(JsonFlag.INLINE_BINARY) || !f.contains(JsonFlag.BULK_DATA_URI);
        }
        Set<XmlFlag> f = ((XmlOptions) options).effectiveFlags();
        if (f.contains(XmlFlag.IGNORE_ALL_DATA) || f.contains(XmlFlag.IGNORE_BINARY_DATA)) {
            return false;
        }
        return f.contains(XmlFlag.INLINE_BINARY)
                || !(f.contains(XmlFlag.BULK_DATA_URI) || f.contains(XmlFlag.BULK_DATA_UUID));
    }
}
