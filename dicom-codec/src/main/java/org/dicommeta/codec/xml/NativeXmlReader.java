package org.dicommeta.codec.xml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dicommeta.codec.BulkDataReference;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.charset.PersonName;
import org.dicommeta.codec.json.JsonBinaryNumbers;

/**
 * Reads a Native DICOM Model document (PS3.19 §A.1) back into a {@link DataSet}, the inverse of
 * {@link NativeXmlWriter}. Element names are matched without regard to namespace, so documents with
 * and without the PS3.19 namespace declaration are read alike.
 *
 * <p>Values are joined in {@code number} order (a missing number is an empty value); person name
 * components are joined with '^' and groups with '='; a private attribute is placed in the block
 * its {@code privateCreator} reserves in this data set (reserving one when needed), whatever block
 * byte its tag carries; {@code InlineBinary} is decoded; {@code BulkData} becomes a
 * {@link BulkDataReference} whose source is the uri, or {@code urn:uuid:<uuid>} (offset and length
 * 0: unknown). Group length attributes are ignored.
 *
 * <p>DTDs and external entities are refused (no XXE). Errors (not XML, a missing or malformed tag,
 * an unknown VR, a value that does not fit its VR, items nested deeper than {@value #MAX_DEPTH})
 * throw {@link DicomCodecException} naming the attribute path.
 */
public final class NativeXmlReader {

    /** Deepest sequence nesting accepted. */
    public static final int MAX_DEPTH = 200;

    private static final XMLInputFactory FACTORY = createFactory();
    private static final java.util.regex.Pattern ENCODING_DECLARATION =
            java.util.regex.Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private final XMLStreamReader reader;

    private NativeXmlReader(XMLStreamReader reader) {
        this.reader = reader;
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Reads one Native DICOM Model document (the stream is not closed). */
    public static DataSet read(InputStream in) {
        Objects.requireNonNull(in, "in");
        XMLStreamReader r;
        try {
            java.io.Reader chars = decoding(in);
            synchronized (FACTORY) {
                r = FACTORY.createXMLStreamReader(chars);
            }
        } catch (XMLStreamException e) {
            throw new DicomCodecException("Not an XML document: " + e.getMessage(), e);
        }
        try {
            NativeXmlReader x = new NativeXmlReader(r);
            if (x.nextStart() == null || !"NativeDicomModel".equals(r.getLocalName())) {
                throw new DicomCodecException("Not a Native DICOM Model document: the root element is not NativeDicomModel");
            }
            return x.readDataSet("", 0);
        } catch (XMLStreamException e) {
            throw new DicomCodecException("Malformed Native DICOM Model XML: " + e.getMessage(), e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing useful to report; the stream belongs to the caller
            }
        }
    }

    /**
     * Decodes the bytes ourselves, in the encoding the XML declaration (or a byte order mark)
     * names, UTF-8 by default (XML 1.0 §4.3.3), with a decoder that reports malformed input: the
     * JDK's StAX parser, given bytes, prints "[Fatal Error]" lines to System.err on bad UTF-8 before
     * throwing, which a library must not do.
     */
    private static java.io.Reader decoding(InputStream in) {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 8192);
        byte[] head = new byte[256];
        int n = 0;
        try {
            buffered.mark(head.length + 3);
            int r;
            while (n < head.length && (r = buffered.read(head, n, head.length - n)) > 0) {
                n += r;
            }
            buffered.reset();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the XML document", e);
        }
        java.nio.charset.Charset cs = java.nio.charset.StandardCharsets.UTF_8;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            head[0] = ' '; // a UTF-8 byte order mark is not content: drop it below
        } else if (n >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            cs = java.nio.charset.StandardCharsets.UTF_16; // consumes the byte order mark
        } else {
            java.util.regex.Matcher m = ENCODING_DECLARATION.matcher(
                    new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
            if (m.find()) {
                try {
                    cs = java.nio.charset.Charset.forName(m.group(1));
                } catch (IllegalArgumentException e) {
                    throw new DicomCodecException("Unsupported XML encoding: " + m.group(1), e);
                }
            }
        }
        if (head[0] == ' ' && n >= 3) {
            try {
                buffered.skip(3);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot read the XML document", e);
            }
        }
        return new java.io.InputStreamReader(buffered, cs.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
    }

    /** Advances to the next start element (returns its name) or to the end of the current one (null). */
    private String nextStart() throws XMLStreamException {
        while (reader.hasNext()) {
            int ev = reader.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                return reader.getLocalName();
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return null;
            }
        }
        return null;
    }

    private void skipElement() throws XMLStreamException {
        int level = 1;
        while (level > 0 && reader.hasNext()) {
            int ev = reader.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }

    /** Reads DicomAttribute children up to the end of the enclosing element. */
    private DataSet readDataSet(String path, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new DicomCodecException("Native DICOM Model nested deeper than " + MAX_DEPTH + " sequences at " + path);
        }
        DataSet ds = new DataSet();
        String name;
        while ((name = nextStart()) != null) {
            if (!"DicomAttribute".equals(name)) {
                skipElement();
                continue;
            }
            readAttribute(ds, path, depth);
        }
        return ds;
    }

    private void readAttribute(DataSet ds, String path, int depth) throws XMLStreamException {
        String tagText = reader.getAttributeValue(null, "tag");
        String vrText = reader.getAttributeValue(null, "vr");
        String creator = reader.getAttributeValue(null, "privateCreator");
        String at = (path.isEmpty() ? "" : path + "/") + tagText;
        int tag;
        try {
            if (tagText == null || tagText.length() != 8) {
                throw new NumberFormatException(String.valueOf(tagText));
            }
            tag = Integer.parseUnsignedInt(tagText, 16);
        } catch (NumberFormatException e) {
            throw new DicomCodecException("DicomAttribute tag is not 8 hex digits: " + at, e);
        }
        VR vr;
        try {
            vr = VR.of(vrText);
        } catch (IllegalArgumentException e) {
            throw new DicomCodecException("DicomAttribute " + at + " has an unknown vr: " + vrText, e);
        }
        TreeMap<Integer, String> values = new TreeMap<>();
        List<DataSet> items = vr == VR.SQ ? new ArrayList<>() : null;
        Object value = null;
        String name;
        while ((name = nextStart()) != null) {
            switch (name) {
                case "Value":
                    values.put(number(at), reader.getElementText());
                    break;
                case "PersonName":
                    values.put(number(at), readPersonName());
                    break;
                case "Item": {
                    int n = number(at);
                    DataSet item = readDataSet(at + "/" + (n - 1), depth + 1);
                    if (items != null) {
                        items.add(item);
                    }
                    break;
                }
                case "InlineBinary":
                    try {
                        value = Base64.getDecoder().decode(withoutWhitespace(reader.getElementText()));
                    } catch (IllegalArgumentException e) {
                        throw new DicomCodecException("InlineBinary of " + at + " is not base64: " + e.getMessage(), e);
                    }
                    break;
                case "BulkData": {
                    String uri = reader.getAttributeValue(null, "uri");
                    String uuid = reader.getAttributeValue(null, "uuid");
                    String source = uri != null ? uri : uuid != null ? "urn:uuid:" + uuid : "";
                    value = BulkDataReference.of(source, 0, 0);
                    skipElement();
                    break;
                }
                default:
                    skipElement();
            }
        }
        if ((tag & 0xFFFF) == 0) {
            return;
        }
        if (creator != null && (tag >>> 16 & 1) == 1) {
            try {
                tag = ds.privateTag(creator, tag, true);
            } catch (IllegalArgumentException e) {
                throw new DicomCodecException("Cannot place private attribute " + at + " of " + creator + ": "
                        + e.getMessage(), e);
            }
        }
        if (items != null) {
            value = items;
        } else if (value == null && !values.isEmpty()) {
            List<String> ordered = new ArrayList<>();
            for (int i = 1, last = values.lastKey(); i <= last; i++) {
                String v = values.get(i);
                ordered.add(v == null ? "" : v);
            }
            if (vr.isString()) {
                String joined = String.join("\\", ordered);
                value = joined.isEmpty() ? null : joined;
            } else if (vr.isNumeric()) {
                value = JsonBinaryNumbers.encode(vr, ordered, at);
            } else {
                throw new DicomCodecException("DicomAttribute " + at + " of VR " + vr
                        + " has Value elements; binary VRs take InlineBinary or BulkData");
            }
        }
        ds.set(new Element(tag, vr, value));
    }

    private int number(String at) {
        String n = reader.getAttributeValue(null, "number");
        try {
            int i = Integer.parseInt(n);
            if (i < 1 || i > 1_000_000) {
                throw new NumberFormatException(n);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new DicomCodecException("Bad number=\"" + n + "\" in " + at, e);
        }
    }

    private String readPersonName() throws XMLStreamException {
        PersonName name = PersonName.EMPTY;
        String element;
        while ((element = nextStart()) != null) {
            int g = indexOf(NativeXmlWriter.PN_GROUPS, element);
            if (g < 0) {
                skipElement();
                continue;
            }
            String c;
            while ((c = nextStart()) != null) {
                int k = indexOf(NativeXmlWriter.PN_COMPONENTS, c);
                if (k < 0) {
                    skipElement();
                } else {
                    name = name.withComponent(PersonName.Group.values()[g], PersonName.Component.values()[k],
                            reader.getElementText());
                }
            }
        }
        return name.toString();
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Base64 may be wrapped in lines (RFC 2045); anything else that is not base64 is an error. */
    private static String withoutWhitespace(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = c == ' ' || c == '\n' || c == '\r' || c == '\t';
            if (ws && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            } else if (!ws && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
