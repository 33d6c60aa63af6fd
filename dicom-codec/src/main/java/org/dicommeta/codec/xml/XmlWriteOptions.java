package org.dicommeta.codec.xml;

import java.util.Objects;

/**
 * How {@link NativeXmlWriter} renders a data set in the Native DICOM Model (PS3.19 §A.1). Immutable;
 * build with {@link #builder()} or start from {@link #defaults()} (every flag false, the
 * {@linkplain #DEFAULT_BULK_DATA_URI_TEMPLATE default template}).
 *
 * <h2>What each flag does to an attribute</h2>
 * <ul>
 *   <li>{@code ignoreAllData}: <b>value dropped</b> for every attribute: each
 *       {@code <DicomAttribute>} keeps its tag, vr, keyword and privateCreator and has no
 *       {@code Value}, {@code PersonName}, {@code Item}, {@code InlineBinary} or {@code BulkData}
 *       children; a sequence keeps vr="SQ" without items.</li>
 *   <li>{@code ignoreBinaryData}: <b>value dropped</b> for attributes of VR OB, OD, OF, OL, OV, OW
 *       and UN (at every nesting level).</li>
 *   <li>{@code ignorePixelData}: <b>value dropped</b> for Pixel Data (7FE0,0010), Float Pixel Data
 *       (7FE0,0008) and Double Float Pixel Data (7FE0,0009) at every nesting level; other binary
 *       attributes follow the rules below.</li>
 *   <li>{@code inlineBinary}: binary values <b>written</b> base64 in {@code <InlineBinary>}
 *       (encapsulated pixel data as its items, PS3.5 §A.4, without the sequence delimiter). A value
 *       that a header-only read skipped cannot be inlined: the writer throws
 *       {@link org.dicommeta.codec.DicomCodecException} naming the attribute; read the file fully
 *       to inline it.</li>
 *   <li>{@code bulkDataUri}: binary values <b>replaced</b> by {@code <BulkData uri="..."/>} built
 *       from {@link #bulkDataUriTemplate()} (placeholders as in
 *       {@link org.dicommeta.codec.json.JsonWriteOptions}).</li>
 *   <li>{@code bulkDataUuid}: binary values <b>replaced</b> by {@code <BulkData uuid="..."/>}; the
 *       UUID is name-based (RFC 4122 version 3) on the SOP Instance UID and the attribute path, so a
 *       rerun is byte-identical and different attributes get different UUIDs.</li>
 *   <li>{@code trimWhiteSpace}: leading and trailing spaces of every text value (and of each person
 *       name component) are removed; padding to even length is removed either way.</li>
 *   <li>{@code writeFullEndElement}: empty elements are written {@code <X></X>} instead of
 *       {@code <X/>}.</li>
 * </ul>
 *
 * <h2>Precedence</h2>
 * ignoreAllData &gt; ignoreBinaryData &gt; ignorePixelData; for a binary value that is not ignored,
 * inlineBinary &gt; bulkDataUri &gt; bulkDataUuid. With none of the three, the value is written inline
 * when it is in memory, and as a {@code BulkData uri} when a header-only read skipped it. A skipped
 * value of a non-binary VR is written as {@code BulkData} (uuid when only bulkDataUuid is set,
 * otherwise uri) unless dropped.
 */
public final class XmlWriteOptions {

    /** The template used when none is set: a DICOMweb-style relative URI. */
    public static final String DEFAULT_BULK_DATA_URI_TEMPLATE =
            org.dicommeta.codec.json.JsonWriteOptions.DEFAULT_BULK_DATA_URI_TEMPLATE;

    private static final XmlWriteOptions DEFAULTS = builder().build();

    private final boolean inlineBinary;
    private final boolean bulkDataUri;
    private final boolean bulkDataUuid;
    private final boolean ignorePixelData;
    private final boolean ignoreBinaryData;
    private final boolean ignoreAllData;
    private final boolean trimWhiteSpace;
    private final boolean writeFullEndElement;
    private final String bulkDataUriTemplate;

    private XmlWriteOptions(Builder b) {
        inlineBinary = b.inlineBinary;
        bulkDataUri = b.bulkDataUri;
        bulkDataUuid = b.bulkDataUuid;
        ignorePixelData = b.ignorePixelData;
        ignoreBinaryData = b.ignoreBinaryData;
        ignoreAllData = b.ignoreAllData;
        trimWhiteSpace = b.trimWhiteSpace;
        writeFullEndElement = b.writeFullEndElement;
        bulkDataUriTemplate = b.bulkDataUriTemplate;
    }

    /** Every flag false, the default URI template. */
    public static XmlWriteOptions defaults() {
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
        b.bulkDataUuid = bulkDataUuid;
        b.ignorePixelData = ignorePixelData;
        b.ignoreBinaryData = ignoreBinaryData;
        b.ignoreAllData = ignoreAllData;
        b.trimWhiteSpace = trimWhiteSpace;
        b.writeFullEndElement = writeFullEndElement;
        b.bulkDataUriTemplate = bulkDataUriTemplate;
        return b;
    }

    /** Binary values base64 in InlineBinary. */
    public boolean inlineBinary() {
        return inlineBinary;
    }

    /** Binary values as BulkData uri from the template. */
    public boolean bulkDataUri() {
        return bulkDataUri;
    }

    /** Binary values as BulkData uuid (name-based, deterministic). */
    public boolean bulkDataUuid() {
        return bulkDataUuid;
    }

    /** Pixel Data, Float Pixel Data and Double Float Pixel Data: value dropped. */
    public boolean ignorePixelData() {
        return ignorePixelData;
    }

    /** Every OB OD OF OL OV OW UN attribute: value dropped. */
    public boolean ignoreBinaryData() {
        return ignoreBinaryData;
    }

    /** Every attribute: tag, VR, keyword, privateCreator only. */
    public boolean ignoreAllData() {
        return ignoreAllData;
    }

    /** Leading and trailing spaces of text values removed. */
    public boolean trimWhiteSpace() {
        return trimWhiteSpace;
    }

    /** {@code <X></X>} instead of {@code <X/>}. */
    public boolean writeFullEndElement() {
        return writeFullEndElement;
    }

    /** The BulkData uri template (never null). */
    public String bulkDataUriTemplate() {
        return bulkDataUriTemplate;
    }

    /** A compact description of the flags that are set. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("XmlWriteOptions[");
        String sep = "";
        String[] names = {"inlineBinary", "bulkDataUri", "bulkDataUuid", "ignorePixelData", "ignoreBinaryData",
            "ignoreAllData", "trimWhiteSpace", "writeFullEndElement"};
        boolean[] values = {inlineBinary, bulkDataUri, bulkDataUuid, ignorePixelData, ignoreBinaryData,
            ignoreAllData, trimWhiteSpace, writeFullEndElement};
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
        return o instanceof XmlWriteOptions && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Mutable builder of {@link XmlWriteOptions}. */
    public static final class Builder {
        private boolean inlineBinary;
        private boolean bulkDataUri;
        private boolean bulkDataUuid;
        private boolean ignorePixelData;
        private boolean ignoreBinaryData;
        private boolean ignoreAllData;
        private boolean trimWhiteSpace;
        private boolean writeFullEndElement;
        private String bulkDataUriTemplate = DEFAULT_BULK_DATA_URI_TEMPLATE;

        private Builder() {
        }

        /** See {@link XmlWriteOptions#inlineBinary()}. */
        public Builder inlineBinary(boolean v) {
            inlineBinary = v;
            return this;
        }

        /** See {@link XmlWriteOptions#bulkDataUri()}. */
        public Builder bulkDataUri(boolean v) {
            bulkDataUri = v;
            return this;
        }

        /** See {@link XmlWriteOptions#bulkDataUuid()}. */
        public Builder bulkDataUuid(boolean v) {
            bulkDataUuid = v;
            return this;
        }

        /** See {@link XmlWriteOptions#ignorePixelData()}. */
        public Builder ignorePixelData(boolean v) {
            ignorePixelData = v;
            return this;
        }

        /** See {@link XmlWriteOptions#ignoreBinaryData()}. */
        public Builder ignoreBinaryData(boolean v) {
            ignoreBinaryData = v;
            return this;
        }

        /** See {@link XmlWriteOptions#ignoreAllData()}. */
        public Builder ignoreAllData(boolean v) {
            ignoreAllData = v;
            return this;
        }

        /** See {@link XmlWriteOptions#trimWhiteSpace()}. */
        public Builder trimWhiteSpace(boolean v) {
            trimWhiteSpace = v;
            return this;
        }

        /** See {@link XmlWriteOptions#writeFullEndElement()}. */
        public Builder writeFullEndElement(boolean v) {
            writeFullEndElement = v;
            return this;
        }

        /** The BulkData uri template; placeholders as in {@link org.dicommeta.codec.json.JsonWriteOptions}. */
        public Builder bulkDataUriTemplate(String template) {
            bulkDataUriTemplate = Objects.requireNonNull(template, "template");
            return this;
        }

        /** The immutable options. */
        public XmlWriteOptions build() {
            return new XmlWriteOptions(this);
        }
    }
}
