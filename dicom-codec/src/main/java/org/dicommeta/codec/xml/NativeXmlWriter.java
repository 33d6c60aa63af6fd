package org.dicommeta.codec.xml;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.dicommeta.codec.BulkDataReference;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.charset.PersonName;
import org.dicommeta.codec.dict.ElementDictionary;
import org.dicommeta.codec.json.BulkDataUris;
import org.dicommeta.codec.json.Utf8Output;

/**
 * Writes a data set in the Native DICOM Model (PS3.19 §A.1), UTF-8, streaming.
 *
 * <p>The document is {@code <NativeDicomModel xml:space="preserve">} in the PS3.19 namespace with
 * one {@code <DicomAttribute>} per attribute in tag order: {@code tag} (8 hex digits), {@code vr},
 * {@code keyword} for dictionary attributes, and for private data elements {@code privateCreator}
 * with the tag's block byte written as 00 (the creator, not the block number, identifies the
 * attribute: (0043,104A) of block 10 is {@code tag="0043004A" privateCreator="GEMS_PARM_01"}).
 * Values are {@code <Value number="n">} (numbered from 1; an empty value among several is an empty
 * {@code Value}), person names {@code <PersonName number="n">} with {@code Alphabetic},
 * {@code Ideographic} and {@code Phonetic} groups of the five components {@code FamilyName},
 * {@code GivenName}, {@code MiddleName}, {@code NamePrefix}, {@code NameSuffix} (only those with a
 * value), items {@code <Item number="n">}, binary values {@code InlineBinary} or {@code BulkData}
 * as {@link XmlWriteOptions} says. AT values are 8 hex digits; FL/FD the shortest decimal that
 * reads back to the same value. Group length elements are not written (PS3.19 §A.1).
 *
 * <p>No whitespace is written between elements (with {@code xml:space="preserve"} it would be
 * content). Characters that XML 1.0 cannot carry (C0 controls other than tab, line feed and
 * carriage return, unpaired surrogates) are replaced by U+FFFD; carriage returns are written as
 * {@code &#13;} so that a parser does not normalise them away. The XML is rendered directly as
 * UTF-8 bytes rather than through StAX: on the CT header of the benchmarks module
 * ({@code StandardApiRenderBenchmark}) the JDK's {@code XMLStreamWriter} rendered about nine times
 * fewer headers per second, and the output grammar is small.
 * Output is byte-identical for the same data set and options.
 */
public final class NativeXmlWriter {

    /** The elements of a PersonName's groups, in {@link PersonName.Group} order (PS3.19 §A.1.5). */
    static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};

    /** The elements of a group's components, in {@link PersonName.Component} order (PS3.19 §A.1.5). */
    static final String[] PN_COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    /** The PS3.19 namespace of the Native DICOM Model schema. */
    public static final String NAMESPACE = "http://dicom.nema.org/PS3.19/models/NativeDICOM";

    private final Utf8Output out;
    private final XmlWriteOptions options;
    private final DataSet top;
    private final boolean fullEnd;
    private String[] uriParts;
    private int[] path = new int[16];
    private int depth;

    private NativeXmlWriter(Utf8Output out, XmlWriteOptions options, DataSet top) {
        this.out = out;
        this.options = options;
        this.top = top;
        this.fullEnd = options.writeFullEndElement();
    }

    /**
     * Writes {@code ds} to {@code out} (not closed; flushed at the end).
     *
     * @throws DicomCodecException when an inline value was requested for a value that a header-only
     *                             read skipped
     * @throws java.io.UncheckedIOException when writing fails
     */
    public static void write(DataSet ds, OutputStream out, XmlWriteOptions options) {
        Objects.requireNonNull(out, "out");
        Utf8Output sink = new Utf8Output(out);
        new NativeXmlWriter(sink, Objects.requireNonNull(options, "options"), ds).writeDocument(ds);
        sink.flush();
    }

    /** Renders {@code ds} into a byte array; see {@link #write(DataSet, OutputStream, XmlWriteOptions)}. */
    public static byte[] toBytes(DataSet ds, XmlWriteOptions options) {
        Utf8Output sink = new Utf8Output();
        new NativeXmlWriter(sink, Objects.requireNonNull(options, "options"), ds).writeDocument(ds);
        return sink.toByteArray();
    }

    private void writeDocument(DataSet ds) {
        Objects.requireNonNull(ds, "ds");
        out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NativeDicomModel xmlns=\"").ascii(NAMESPACE)
                .ascii("\" xml:space=\"preserve\">");
        writeAttributes(ds);
        out.ascii("</NativeDicomModel>\n");
    }

    private void writeAttributes(DataSet ds) {
        for (int i = 0, n = ds.size(); i < n; i++) {
            Element e = ds.elementAt(i);
            if ((e.tag() & 0xFFFF) == 0) {
                continue; // PS3.19 §A.1: group length attributes shall not be included
            }
            push(e.tag());
            writeAttribute(ds, e);
            depth--;
        }
    }

    private void push(int v) {
        if (depth == path.length) {
            path = Arrays.copyOf(path, depth * 2);
        }
        path[depth++] = v;
    }

    private void writeAttribute(DataSet ds, Element e) {
        int tag = e.tag();
        String creator = ds.privateCreatorOf(tag);
        out.ascii("<DicomAttribute tag=\"").hex8(creator != null ? tag & 0xFFFF00FF : tag)
                .ascii("\" vr=\"").ascii(vrName(e)).ascii('"');
        if (!Tag.isPrivate(tag)) {
            String keyword = ElementDictionary.keywordOf(tag);
            if (keyword != null) {
                out.ascii(" keyword=\"").ascii(keyword).ascii('"');
            }
        } else if (creator != null) {
            out.ascii(" privateCreator=\"");
            text(creator, true);
            out.ascii('"');
        }
        int mark = contentStart();
        writeContent(e);
        end("DicomAttribute", mark);
    }

    /*
     * Empty elements: the start tag is left open ("<X ...") and closed either by "/>" when nothing
     * followed, or by ">" before the first child. Tracking that with a flag keeps the writer single-pass.
     */
    private boolean open;

    private int contentStart() {
        open = true;
        return 0;
    }

    private void closeStart() {
        if (open) {
            out.ascii('>');
            open = false;
        }
    }

    private void end(String name, int mark) {
        if (open) {
            open = false;
            if (fullEnd) {
                out.ascii("></").ascii(name).ascii('>');
            } else {
                out.ascii("/>");
            }
        } else {
            out.ascii("</").ascii(name).ascii('>');
        }
    }

    private void writeContent(Element e) {
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
            closeStart();
            if (options.bulkDataUuid() && !options.bulkDataUri()) {
                bulkUuid();
            } else {
                bulkUri();
            }
            return;
        }
        if (e.isEmpty()) {
            return;
        }
        if (vr == VR.SQ) {
            List<DataSet> items = e.items();
            closeStart();
            for (int i = 0; i < items.size(); i++) {
                out.ascii("<Item number=\"").ascii(Integer.toString(i + 1)).ascii('"');
                push(i);
                if (items.get(i).isEmpty()) {
                    open = true;
                    end("Item", 0);
                } else {
                    out.ascii('>');
                    writeAttributes(items.get(i));
                    out.ascii("</Item>");
                }
                depth--;
            }
            return;
        }
        String[] values = e.strings();
        if (values.length == 0) {
            return;
        }
        closeStart();
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (vr.isString() && (options.trimWhiteSpace() || vr.isNumericString())) {
                v = v.strip();
            }
            String number = Integer.toString(i + 1);
            if (vr == VR.PN) {
                writePersonName(number, v);
                continue;
            }
            out.ascii("<Value number=\"").ascii(number).ascii('"');
            if (v.isEmpty()) {
                open = true;
                end("Value", 0);
            } else {
                out.ascii('>');
                text(v, false);
                out.ascii("</Value>");
            }
        }
    }

    /** Encapsulated pixel data is OB whatever the file said (PS3.5 §A.4). */
    private static String vrName(Element e) {
        if (e.vr() == VR.OW && (e.fragments() != null || e.bulkData() != null && e.bulkData().encapsulated())) {
            return "OB";
        }
        return e.vr().name();
    }

    private static boolean isPixelData(int tag) {
        return tag == 0x7FE00010 || tag == 0x7FE00008 || tag == 0x7FE00009;
    }

    private void writePersonName(String number, String v) {
        out.ascii("<PersonName number=\"").ascii(number).ascii('"');
        PersonName name = PersonName.parse(v);
        boolean any = false;
        for (PersonName.Group g : PersonName.Group.values()) {
            if (!name.hasGroup(g)) {
                continue;
            }
            boolean groupOpen = false;
            for (PersonName.Component c : PersonName.Component.values()) {
                String comp = name.component(g, c);
                if (options.trimWhiteSpace()) {
                    comp = comp.strip();
                }
                if (comp.isEmpty()) {
                    continue;
                }
                if (!any) {
                    out.ascii('>');
                    any = true;
                }
                if (!groupOpen) {
                    out.ascii('<').ascii(PN_GROUPS[g.ordinal()]).ascii('>');
                    groupOpen = true;
                }
                String element = PN_COMPONENTS[c.ordinal()];
                out.ascii('<').ascii(element).ascii('>');
                text(comp, false);
                out.ascii("</").ascii(element).ascii('>');
            }
            if (groupOpen) {
                out.ascii("</").ascii(PN_GROUPS[g.ordinal()]).ascii('>');
            }
        }
        if (any) {
            out.ascii("</PersonName>");
        } else {
            open = true;
            end("PersonName", 0);
        }
    }

    private void writeBinary(Element e) {
        BulkDataReference ref = e.bulkData();
        closeStart();
        if (options.inlineBinary()) {
            if (ref != null) {
                throw new DicomCodecException("Cannot write " + Tag.toString(e.tag()) + " " + e.vr()
                        + " as InlineBinary: its value (" + ref.length() + " bytes at offset " + ref.offset()
                        + " of " + ref.source() + ") was skipped by a header-only read; read the file fully"
                        + " to inline binary values, or write BulkData references");
            }
            writeInline(e);
        } else if (options.bulkDataUri()) {
            bulkUri();
        } else if (options.bulkDataUuid()) {
            bulkUuid();
        } else if (ref != null) {
            bulkUri();
        } else {
            writeInline(e);
        }
    }

    private void bulkUri() {
        if (uriParts == null) {
            uriParts = BulkDataUris.prepare(options.bulkDataUriTemplate(), top);
        }
        out.ascii("<BulkData uri=\"");
        text(BulkDataUris.expand(uriParts, path, depth), true);
        emptyEnd("BulkData");
    }

    private void bulkUuid() {
        StringBuilder name = new StringBuilder(96);
        String sop = top == null ? null : top.getString(0x00080018);
        name.append(sop == null ? "" : sop.strip()).append('/');
        BulkDataUris.appendPath(name, path, depth);
        UUID uuid = UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
        out.ascii("<BulkData uuid=\"").ascii(uuid.toString());
        emptyEnd("BulkData");
    }

    private void emptyEnd(String name) {
        if (fullEnd) {
            out.ascii("\"></").ascii(name).ascii('>');
        } else {
            out.ascii("\"/>");
        }
    }

    private void writeInline(Element e) {
        out.ascii("<InlineBinary>").base64Value(e).ascii("</InlineBinary>");
    }

    /** Escapes character data ({@code attribute}: also quotes, tabs and line feeds). */
    private void text(String s, boolean attribute) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                switch (c) {
                    case '<': out.ascii("&lt;"); break;
                    case '>': out.ascii("&gt;"); break;
                    case '&': out.ascii("&amp;"); break;
                    case '"':
                        if (attribute) {
                            out.ascii("&quot;");
                        } else {
                            out.ascii(c);
                        }
                        break;
                    default: out.ascii(c);
                }
                i++;
            } else if (c < 0x20) {
                if (c == '\r') {
                    out.ascii("&#13;");
                } else if (c == '\n' || c == '\t') {
                    if (attribute) {
                        out.ascii(c == '\n' ? "&#10;" : "&#9;");
                    } else {
                        out.ascii(c);
                    }
                } else {
                    out.utf8("\uFFFD", 0);
                }
                i++;
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                out.utf8("\uFFFD", 0);
                i++;
            } else {
                i += out.utf8(s, i);
            }
        }
    }
}
