package org.dicommeta.codec.json;

import java.util.Objects;

/**
 * How {@link DicomJsonWriter} renders a data set as DICOM JSON (PS3.18 §F.2). Immutable; build with
 * {@link #builder()} or start from {@link #defaults()} (every flag false, the
 * {@linkplain #DEFAULT_BULK_DATA_URI_TEMPLATE default template}).
 *
 * <h2>What each flag does to an attribute</h2>
 * <ul>
 *   <li>{@code ignoreAllData}: <b>value dropped</b> for every attribute: the attribute is written
 *       with its tag and {@code "vr"} only (no {@code Value}, {@code InlineBinary} or
 *       {@code BulkDataURI}); a sequence keeps {@code "vr": "SQ"} and loses its items.</li>
 *   <li>{@code ignoreBinaryData}: <b>value dropped</b> for attributes of VR OB, OD, OF, OL, OV, OW
 *       and UN (at every nesting level); they keep tag and VR.</li>
 *   <li>{@code ignorePixelData}: <b>value dropped</b> for Pixel Data (7FE0,0010), Float Pixel Data
 *       (7FE0,0008) and Double Float Pixel Data (7FE0,0009), at every nesting level (an icon image's
 *       pixel data too); they keep tag and VR. Other binary attributes follow the rules below.</li>
 *   <li>{@code inlineBinary}: the value of a binary attribute is <b>written</b> base64-encoded as
 *       {@code "InlineBinary"} (PS3.18 §F.2.7). Encapsulated pixel data is written as its items
 *       (PS3.5 §A.4: item tag, length and bytes of the offset table and of every fragment, without
 *       the sequence delimiter). A value that a header-only read skipped is not in memory: asking
 *       for it inline throws {@link org.dicommeta.codec.DicomCodecException} naming the attribute;
 *       read the file fully (ReadOptions.full()) to inline it.</li>
 *   <li>{@code bulkDataUri}: the value of a binary attribute is <b>replaced</b> by
 *       {@code "BulkDataURI"} built from {@link #bulkDataUriTemplate()}.</li>
 *   <li>{@code trimWhiteSpace}: leading and trailing spaces of every text value are removed. The
 *       padding to even length is removed whether this flag is set or not.</li>
 *   <li>{@code writeKeyword}: a {@code "keyword"} member (the PS3.6 keyword) is written before
 *       {@code "vr"} for attributes in the dictionary; never for private attributes.</li>
 *   <li>{@code minify}: no insignificant whitespace; otherwise the output is pretty-printed with
 *       two-space indentation and one member per line.</li>
 * </ul>
 *
 * <h2>Precedence</h2>
 * The ignore flags win over the others: ignoreAllData &gt; ignoreBinaryData &gt; ignorePixelData.
 * For a binary value that is not ignored: inlineBinary &gt; bulkDataUri; with neither flag the value
 * is written inline when it is in memory and as a BulkDataURI when a header-only read skipped it
 * (the only way to say "present, not read" without failing). A skipped value of a non-binary VR
 * (for example a large US lookup table) is always written as a BulkDataURI unless dropped.
 *
 * <h2>The URI template</h2>
 * Placeholders {@code {StudyInstanceUID}}, {@code {SeriesInstanceUID}}, {@code {SOPInstanceUID}}
 * (values of the top-level data set, empty when absent) and {@code {tag}}: the attribute's path as
 * 8-hex-digit tags and zero-based item indexes separated by '/', e.g. {@code 7FE00010} or
 * {@code 00540016/0/00181072}. Placeholder values are inserted as they are (UIDs and the path are
 * URI-safe).
 */
public final class JsonWriteOptions {

    /** The template used when none is set: a DICOMweb-style relative URI. */
    public static final String DEFAULT_BULK_DATA_URI_TEMPLATE =
            "studies/{StudyInstanceUID}/series/{SeriesInstanceUID}/instances/{SOPInstanceUID}/bulkdata/{tag}";

    private static final JsonWriteOptions DEFAULTS = builder().build();

    private final boolean inlineBinary;
    private final boolean bulkDataUri;
    private final boolean ignorePixelData;
    private final boolean ignoreBinaryData;
    private final boolean ignoreAllData;
    private final boolean trimWhiteSpace;
    private final boolean writeKeyword;
    private final boolean minify;
    private final String bulkDataUriTemplate;

    private JsonWriteOptions(Builder b) {
        inlineBinary = b.inlineBinary;
        bulkDataUri = b.bulkDataUri;
        ignorePixelData = b.ignorePixelData;
        ignoreBinaryData = b.ignoreBinaryData;
        ignoreAllData = b.ignoreAllData;
        trimWhiteSpace = b.trimWhiteSpace;
        writeKeyword = b.writeKeyword;
        minify = b.minify;
        bulkDataUriTemplate = b.bulkDataUriTemplate;
    }

    /** Every flag false, the default URI template. */
    public static JsonWriteOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.inlineBinary = inlineBinary;
        b.bulkDataUri = bulkDataUri;
        b.ignorePixelData = ignorePixelData;
        b.ignoreBinaryData = ignoreBinaryData;
        b.ignoreAllData = ignoreAllData;
        b.trimWhiteSpace = trimWhiteSpace;
        b.writeKeyword = writeKeyword;
        b.minify = minify;
        b.bulkDataUriTemplate = bulkDataUriTemplate;
        return b;
    }

    /** Binary values base64 as InlineBinary (see the class comment for skipped values). */
    public boolean inlineBinary() {
        return inlineBinary;
    }

    /** Binary values replaced by a BulkDataURI from the template. */
    public boolean bulkDataUri() {
        return bulkDataUri;
    }

    /** Pixel Data, Float Pixel Data and Double Float Pixel Data: value dropped. */
    public boolean ignorePixelData() {
        return ignorePixelData;
    }

    /** Every OB OD OF OL OV OW UN attribute: value dropped. */
    public boolean ignoreBinaryData() {
        return ignoreBinaryData;
    }

    /** Every attribute: tag and VR only. */
    public boolean ignoreAllData() {
        return ignoreAllData;
    }

    /** Leading and trailing spaces of text values removed. */
    public boolean trimWhiteSpace() {
        return trimWhiteSpace;
    }

    /** A "keyword" member before "vr" for dictionary attributes. */
    public boolean writeKeyword() {
        return writeKeyword;
    }

    /** No insignificant whitespace (otherwise two-space indentation). */
    public boolean minify() {
        return minify;
    }

    /** The BulkDataURI template (never null). */
    public String bulkDataUriTemplate() {
        return bulkDataUriTemplate;
    }

    /** A compact description of the flags that are set, e.g. "inlineBinary,minify". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("JsonWriteOptions[");
        String sep = "";
        String[] names = {"inlineBinary", "bulkDataUri", "ignorePixelData", "ignoreBinaryData",
            "ignoreAllData", "trimWhiteSpace", "writeKeyword", "minify"};
        boolean[] values = {inlineBinary, bulkDataUri, ignorePixelData, ignoreBinaryData,
            ignoreAllData, trimWhiteSpace, writeKeyword, minify};
        for (int i = 0; i < names.length; i++) {
            if (values[i]) {
                sb.append(sep).append(names[i]);
                sep = ",";
            }
        }
        if (!DEFAULT_BULK_DATA_URI_TEMPLATE.equals(bulkDataUriTemplate)) {
            sb.append(sep).append("bulkDataUriTemplate=").append(bulkDataUriTemplate);
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonWriteOptions && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Mutable builder of {@link JsonWriteOptions}. */
    public static final class Builder {
        private boolean inlineBinary;
        private boolean bulkDataUri;
        private boolean ignorePixelData;
        private boolean ignoreBinaryData;
        private boolean ignoreAllData;
        private boolean trimWhiteSpace;
        private boolean writeKeyword;
        private boolean minify;
        private String bulkDataUriTemplate = DEFAULT_BULK_DATA_URI_TEMPLATE;

        private Builder() {
        }

        /** See {@link JsonWriteOptions#inlineBinary()}. */
        public Builder inlineBinary(boolean v) {
            inlineBinary = v;
            return this;
        }

        /** See {@link JsonWriteOptions#bulkDataUri()}. */
        public Builder bulkDataUri(boolean v) {
            bulkDataUri = v;
            return this;
        }

        /** See {@link JsonWriteOptions#ignorePixelData()}. */
        public Builder ignorePixelData(boolean v) {
            ignorePixelData = v;
            return this;
        }

        /** See {@link JsonWriteOptions#ignoreBinaryData()}. */
        public Builder ignoreBinaryData(boolean v) {
            ignoreBinaryData = v;
            return this;
        }

        /** See {@link JsonWriteOptions#ignoreAllData()}. */
        public Builder ignoreAllData(boolean v) {
            ignoreAllData = v;
            return this;
        }

        /** See {@link JsonWriteOptions#trimWhiteSpace()}. */
        public Builder trimWhiteSpace(boolean v) {
            trimWhiteSpace = v;
            return this;
        }

        /** See {@link JsonWriteOptions#writeKeyword()}. */
        public Builder writeKeyword(boolean v) {
            writeKeyword = v;
            return this;
        }

        /** See {@link JsonWriteOptions#minify()}. */
        public Builder minify(boolean v) {
            minify = v;
            return this;
        }

        /** The BulkDataURI template; see the class comment for placeholders. */
        public Builder bulkDataUriTemplate(String template) {
            bulkDataUriTemplate = Objects.requireNonNull(template, "template");
            return this;
        }

        /** The immutable options. */
        public JsonWriteOptions build() {
            return new JsonWriteOptions(this);
        }
    }
}
