package org.dicommeta.codec.json;

import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

import org.dicommeta.codec.BulkDataReference;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.charset.PersonName;
import org.dicommeta.codec.dict.ElementDictionary;

/**
 * Writes a data set as DICOM JSON (PS3.18 §F.2), UTF-8, streaming.
 *
 * <p>Each VR's JSON type follows PS3.18 Table F.2.3-1: text VRs are strings; PN values are
 * objects with {@code Alphabetic}, {@code Ideographic} and {@code Phonetic} members (only the
 * groups that have a value, §F.2.2); AT is a string of 8 hex digits; FL FD SL SS UL US are numbers;
 * SV and UV are numbers when they fit the 53-bit exact range of a JSON (double) number and strings
 * otherwise; DS and IS are numbers when the text is a valid decimal number (written with the same
 * decimal value: a leading '+' and leading zeros removed, never rounded) and strings when it is not,
 * so no text is lost; NaN and infinities of FL/FD are the strings "NaN", "Infinity", "-Infinity".
 * An empty attribute has no {@code Value}; an empty value among several is {@code null} (§F.2.5).
 * Sequence items are objects in {@code Value}. Binary values become {@code InlineBinary} or
 * {@code BulkDataURI} as {@link JsonWriteOptions} says. Group length elements (gggg,0000) are not
 * written: they describe an encoding, not the data. Attributes are written in tag order, so the
 * output is byte-identical for the same data set and options.
 *
 * <p>The JSON is rendered directly as UTF-8 bytes with the escaping of RFC 8259 §7 rather than
 * through a JSON-P {@code JsonGenerator}: on the CT header of the benchmarks module
 * ({@code StandardApiRenderBenchmark}) Parsson's generator, doing less (no PN groups, no DS
 * normalisation), rendered about 1.8 times fewer headers per second; the grammar emitted here is
 * small. {@link DicomJsonReader} reads the output back with JSON-P.
 */
public final class DicomJsonWriter {

    private static final long MAX_EXACT = 1L << 53;

    /** The members of a PN value object, in {@link PersonName.Group} order (PS3.18 §F.2.2). */
    static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};

    private final Utf8Output out;
    private final JsonWriteOptions options;
    private final boolean pretty;
    private final DataSet top;
    private String[] uriParts;
    private int[] path = new int[16];
    private int depth;
    private int indent;

    private DicomJsonWriter(Utf8Output out, JsonWriteOptions options, DataSet top) {
        this.out = out;
        this.options = options;
        this.pretty = !options.minify();
        this.top = top;
    }

    private String bulkDataUri() {
        if (uriParts == null) {
            uriParts = BulkDataUris.prepare(options.bulkDataUriTemplate(), top);
        }
        return BulkDataUris.expand(uriParts, path, depth);
    }

    /**
     * Writes {@code ds} to {@code out} (not closed; flushed at the end).
     *
     * @throws DicomCodecException when an inline value was requested for a value that a
     *                             header-only read skipped
     * @throws java.io.UncheckedIOException when writing to {@code out} fails
     */
    public static void write(DataSet ds, OutputStream out, JsonWriteOptions options) {
        Objects.requireNonNull(out, "out");
        Utf8Output sink = new Utf8Output(out);
        new DicomJsonWriter(sink, Objects.requireNonNull(options, "options"), ds).writeTop(ds);
        sink.flush();
    }

    /** Renders {@code ds} into a byte array; see {@link #write(DataSet, OutputStream, JsonWriteOptions)}. */
    public static byte[] toBytes(DataSet ds, JsonWriteOptions options) {
        Utf8Output sink = new Utf8Output();
        new DicomJsonWriter(sink, Objects.requireNonNull(options, "options"), ds).writeTop(ds);
        return sink.toByteArray();
    }

    private void writeTop(DataSet ds) {
        writeDataSet(Objects.requireNonNull(ds, "ds"));
        if (pretty) {
            out.ascii('\n');
        }
    }

    private void newline() {
        if (pretty) {
            out.ascii('\n').repeat(' ', indent * 2);
        }
    }

    private void colon() {
        out.ascii(pretty ? ": " : ":");
    }

    private void writeDataSet(DataSet ds) {
        out.ascii('{');
        indent++;
        boolean first = true;
        for (int i = 0, n = ds.size(); i < n; i++) {
            Element e = ds.elementAt(i);
            int tag = e.tag();
            if ((tag & 0xFFFF) == 0) {
                continue; // group length (PS3.5 §7.2): encoding detail, not data
            }
            if (!first) {
                out.ascii(',');
            }
            first = false;
            newline();
            out.ascii('"').hex8(tag).ascii('"');
            colon();
            push(tag);
            writeAttribute(ds, e);
            depth--;
        }
        indent--;
        if (!first) {
            newline();
        }
        out.ascii('}');
    }

    private void push(int v) {
        if (depth == path.length) {
            path = java.util.Arrays.copyOf(path, depth * 2);
        }
        path[depth++] = v;
    }

    private void writeAttribute(DataSet ds, Element e) {
        out.ascii('{');
        indent++;
        newline();
        if (options.writeKeyword() && !Tag.isPrivate(e.tag())) {
            String keyword = ElementDictionary.keywordOf(e.tag());
            if (keyword != null) {
                out.ascii("\"keyword\"");
                colon();
                string(keyword);
                out.ascii(',');
                newline();
            }
        }
        out.ascii("\"vr\"");
        colon();
        out.ascii('"').ascii(vrName(e)).ascii('"');
        writeValue(e);
        indent--;
        newline();
        out.ascii('}');
    }

    private void member(String name) {
        out.ascii(',');
        newline();
        out.ascii('"').ascii(name).ascii('"');
        colon();
    }

    private void writeValue(Element e) {
        if (options.ignoreAllData()) {
            return;
        }
        VR vr = e.vr();
        if (vr.isBinary()) {
            if (options.ignoreBinaryData() || options.ignorePixelData() && isPixelData(e.tag()) || e.isEmpty()) {
                return;
            }
            writeBinary(e);
            return;
        }
        if (e.isBulkData()) {
            member("BulkDataURI");
            string(bulkDataUri());
            return;
        }
        if (e.isEmpty()) {
            return;
        }
        if (vr == VR.SQ) {
            writeItems(e.items());
            return;
        }
        String[] values = e.strings();
        if (values.length == 0) {
            return;
        }
        member("Value");
        out.ascii('[');
        indent++;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.ascii(',');
            }
            newline();
            writeOne(vr, values[i]);
        }
        indent--;
        newline();
        out.ascii(']');
    }

    /**
     * The VR to write: encapsulated pixel data is OB whatever the file said (PS3.5 §A.4 requires OB
     * for the encapsulated format; some writers put OW there).
     */
    static String vrName(Element e) {
        if (e.vr() == VR.OW && (e.fragments() != null || e.bulkData() != null && e.bulkData().encapsulated())) {
            return "OB";
        }
        return e.vr().name();
    }

    static boolean isPixelData(int tag) {
        return tag == 0x7FE00010 || tag == 0x7FE00008 || tag == 0x7FE00009;
    }

    private void writeOne(VR vr, String v) {
        if (vr.isString() && options.trimWhiteSpace()) {
            v = v.strip();
        }
        switch (vr) {
            case PN:
                writePersonName(v);
                return;
            case DS:
            case IS: {
                if (v.isEmpty() || v.isBlank()) {
                    out.ascii("null");
                    return;
                }
                String number = JsonNumbers.fromDecimalString(v, vr == VR.IS);
                if (number != null) {
                    out.ascii(number);
                } else {
                    string(v);
                }
                return;
            }
            case FL:
            case FD:
                if (v.equals("NaN") || v.endsWith("Infinity")) {
                    string(v);
                } else {
                    out.ascii(v);
                }
                return;
            case SV:
            case UV:
                if (fitsExactly(v)) {
                    out.ascii(v);
                } else {
                    string(v);
                }
                return;
            case SL:
            case SS:
            case UL:
            case US:
                out.ascii(v);
                return;
            default:
                if (v.isEmpty()) {
                    out.ascii("null");
                } else {
                    string(v);
                }
        }
    }

    private static boolean fitsExactly(String v) {
        if (v.length() > 17) {
            return false;
        }
        long l = Long.parseLong(v);
        return l >= -MAX_EXACT && l <= MAX_EXACT;
    }

    private void writePersonName(String v) {
        if (v.isEmpty()) {
            out.ascii("null");
            return;
        }
        PersonName name = PersonName.parse(v);
        out.ascii('{');
        indent++;
        boolean first = true;
        for (PersonName.Group g : PersonName.Group.values()) {
            if (!name.hasGroup(g)) {
                continue;
            }
            if (!first) {
                out.ascii(',');
            }
            first = false;
            newline();
            out.ascii('"').ascii(PN_GROUPS[g.ordinal()]).ascii('"');
            colon();
            string(name.group(g));
        }
        indent--;
        if (!first) {
            newline();
        }
        out.ascii('}');
    }

    private void writeItems(List<DataSet> items) {
        member("Value");
        out.ascii('[');
        indent++;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.ascii(',');
            }
            newline();
            push(i);
            writeDataSet(items.get(i));
            depth--;
        }
        indent--;
        newline();
        out.ascii(']');
    }

    private void writeBinary(Element e) {
        BulkDataReference ref = e.bulkData();
        if (options.inlineBinary()) {
            if (ref != null) {
                throw new DicomCodecException("Cannot write " + Tag.toString(e.tag()) + " " + e.vr()
                        + " as InlineBinary: its value (" + ref.length() + " bytes at offset " + ref.offset()
                        + " of " + ref.source() + ") was skipped by a header-only read; read the file fully"
                        + " to inline binary values, or write a BulkDataURI");
            }
            writeInline(e);
        } else if (options.bulkDataUri() || ref != null) {
            member("BulkDataURI");
            string(bulkDataUri());
        } else {
            writeInline(e);
        }
    }

    private void writeInline(Element e) {
        member("InlineBinary");
        out.ascii('"').base64Value(e).ascii('"');
    }

    /** Writes a JSON string with RFC 8259 §7 escaping. */
    private void string(String s) {
        out.ascii('"');
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    out.ascii('\\');
                }
                out.ascii(c);
                i++;
            } else if (c < 0x20) {
                escapeControl(c);
                i++;
            } else {
                i += out.utf8(s, i);
            }
        }
        out.ascii('"');
    }

    private void escapeControl(char c) {
        switch (c) {
            case '\n': out.ascii("\\n"); break;
            case '\r': out.ascii("\\r"); break;
            case '\t': out.ascii("\\t"); break;
            case '\b': out.ascii("\\b"); break;
            case '\f': out.ascii("\\f"); break;
            default:
                out.ascii("\\u00").ascii(HEX[c >> 4]).ascii(HEX[c & 0xF]);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
