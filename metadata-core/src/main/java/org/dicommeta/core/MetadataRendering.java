package org.dicommeta.core;

import java.io.OutputStream;
import java.util.Objects;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.io.ReadOptions;
import org.dicommeta.codec.json.DicomJsonWriter;
import org.dicommeta.codec.xml.NativeXmlWriter;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.XmlOptions;

/**
 * Renders a data set exactly as the agent would store it, without a store: for tools that convert one
 * file (the command line's {@code dump}) and must not drift from what {@code generate} writes.
 *
 * <p>The domain's flags are applied after precedence ({@link JsonOptions#effectiveFlags()},
 * {@link XmlOptions#effectiveFlags()}) and the options' bulk data URI template is always used, so the
 * bytes equal those of a stored record rendered with the same options (DICOM JSON, PS3.18 Annex F; the
 * Native DICOM Model, PS3.19 Annex A.1). Stateless and thread-safe.
 */
public final class MetadataRendering {

    private MetadataRendering() {
    }

    /**
     * The record of {@code options}' format for {@code dataSet}, as UTF-8 bytes.
     *
     * @throws org.dicommeta.codec.DicomCodecException when the codec cannot render the data set
     */
    public static byte[] render(DataSet dataSet, RenderOptions options) {
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(options, "options");
        return CodecRenderer.INSTANCE.render(dataSet, options);
    }

    /**
     * Writes the record of {@code options}' format for {@code dataSet} to {@code out} (not closed), for
     * records too large to hold twice in memory.
     *
     * @throws org.dicommeta.codec.DicomCodecException when the codec cannot render the data set
     * @throws java.io.UncheckedIOException when writing to {@code out} fails
     */
    public static void render(DataSet dataSet, RenderOptions options, OutputStream out) {
        Objects.requireNonNull(dataSet, "dataSet");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(out, "out");
        if (options instanceof JsonOptions json) {
            DicomJsonWriter.write(dataSet, out, CodecRenderer.jsonOptions(json));
        } else {
            NativeXmlWriter.write(dataSet, out, CodecRenderer.xmlOptions((XmlOptions) options));
        }
    }

    /**
     * How to read a Part 10 source for {@code options}: header-only (bulk values skipped, not loaded)
     * unless a binary value could be written inline, that is unless an ignore flag drops binary values or
     * a reference (bulk data URI, and for XML bulk data UUID) replaces them, inline binary winning.
     */
    public static ReadOptions readOptionsFor(RenderOptions options) {
        Objects.requireNonNull(options, "options");
        return Part10Sources.readOptions(CodecRenderer.writesBinaryInline(options));
    }

    /** {@link #readOptionsFor(RenderOptions)} for several formats: a full read when any of them needs one. */
    public static ReadOptions readOptionsFor(MetadataOptions options) {
        Objects.requireNonNull(options, "options");
        return Part10Sources.readOptions(CodecRenderer.writesBinaryInline(options));
    }
}
