package org.dicommeta.codec.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;

import org.dicommeta.codec.BulkDataReference;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.charset.PersonName;

/**
 * Reads DICOM JSON (PS3.18 §F.2) back into a {@link DataSet}, the inverse of
 * {@link DicomJsonWriter}, with a streaming JSON-P parser.
 *
 * <p>Text values are joined with backslash as in a binary data set; DS and IS numbers keep their
 * JSON text exactly ({@code 1.50} stays "1.50", {@code 9.99e-1} stays "9.99e-1"); PN objects become
 * {@code Alphabetic=Ideographic=Phonetic}; AT strings and the numbers (or "NaN"/"Infinity" strings)
 * of FL FD SL SS SV UL US UV become little-endian bytes; {@code null} values become empty values.
 * {@code InlineBinary} is decoded; a {@code BulkDataURI} becomes a {@link BulkDataReference} whose
 * source is the URI (offset and length 0: unknown until fetched). Group length attributes are
 * ignored, as is the optional {@code keyword} member. Members may come in any order; when
 * {@code Value} precedes {@code vr} (no writer does that) the values are buffered as a JSON-P tree,
 * which keeps numbers by value but not their exact spelling.
 *
 * <p>Errors (not JSON, a tag that is not 8 hex digits, an unknown VR, a value of the wrong JSON
 * type, bad base64, nesting deeper than {@value #MAX_DEPTH} sequences) throw
 * {@link DicomCodecException} naming the attribute path (tags and item indexes).
 */
public final class DicomJsonReader {

    /** Deepest sequence nesting accepted; real data sets stay far below it. */
    public static final int MAX_DEPTH = 200;

    private static final JsonParserFactory FACTORY = Json.createParserFactory(null);

    /** A JSON number with its text as written. */
    private record NumberText(String text) {
    }

    private DicomJsonReader() {
    }

    /** Reads one DICOM JSON object (the stream is read up to the end of the object, not closed). */
    public static DataSet read(InputStream in) {
        Objects.requireNonNull(in, "in");
        JsonParser p = FACTORY.createParser(in);
        try {
            if (!p.hasNext() || p.next() != Event.START_OBJECT) {
                throw new DicomCodecException("Not a DICOM JSON object: the document does not start with '{'");
            }
            return readDataSet(p, "", 0);
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new DicomCodecException("Not a DICOM JSON object: " + e.getMessage(), e);
        }
    }

    /** Reads one DICOM JSON object from UTF-8 bytes. */
    public static DataSet read(byte[] json) {
        return read(new ByteArrayInputStream(Objects.requireNonNull(json, "json")));
    }

    private static DataSet readDataSet(JsonParser p, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new DicomCodecException("DICOM JSON nested deeper than " + MAX_DEPTH + " sequences at " + path);
        }
        DataSet ds = new DataSet();
        while (true) {
            Event e = p.next();
            if (e == Event.END_OBJECT) {
                return ds;
            }
            String key = p.getString();
            String at = path.isEmpty() ? key : path + "/" + key;
            int tag = parseTag(key, at);
            if (p.next() != Event.START_OBJECT) {
                throw new DicomCodecException("Attribute " + at + " is not a JSON object");
            }
            Element element = readAttribute(p, tag, at, depth);
            if ((tag & 0xFFFF) != 0) {
                ds.set(element);
            }
        }
    }

    private static int parseTag(String key, String at) {
        if (key.length() != 8) {
            throw new DicomCodecException("Attribute name is not 8 hex digits: " + at);
        }
        try {
            return Integer.parseUnsignedInt(key, 16);
        } catch (NumberFormatException e) {
            throw new DicomCodecException("Attribute name is not 8 hex digits: " + at, e);
        }
    }

    private static Element readAttribute(JsonParser p, int tag, String at, int depth) {
        VR vr = null;
        String inline = null;
        String uri = null;
        List<Object> values = null;
        JsonArray buffered = null;
        while (true) {
            Event e = p.next();
            if (e == Event.END_OBJECT) {
                break;
            }
            String name = p.getString();
            Event v = p.next();
            switch (name) {
                case "vr":
                    vr = parseVr(p, v, at);
                    break;
                case "InlineBinary":
                    inline = stringMember(p, v, "InlineBinary", at);
                    break;
                case "BulkDataURI":
                    uri = stringMember(p, v, "BulkDataURI", at);
                    break;
                case "Value":
                    if (v == Event.VALUE_NULL) {
                        break;
                    }
                    if (v != Event.START_ARRAY) {
                        throw new DicomCodecException("Value of " + at + " is not an array");
                    }
                    if (vr != null) {
                        values = readValues(p, vr, at, depth);
                    } else {
                        buffered = p.getArray();
                    }
                    break;
                default:
                    skip(p, v);
            }
        }
        if (vr == null) {
            throw new DicomCodecException("Attribute " + at + " has no \"vr\"");
        }
        if (buffered != null) {
            JsonParser again = FACTORY.createParser(buffered);
            again.next();
            values = readValues(again, vr, at, depth);
        }
        if (inline != null) {
            try {
                return new Element(tag, vr, Base64.getDecoder().decode(withoutWhitespace(inline)));
            } catch (IllegalArgumentException ex) {
                throw new DicomCodecException("InlineBinary of " + at + " is not base64: " + ex.getMessage(), ex);
            }
        }
        if (uri != null) {
            return new Element(tag, vr, BulkDataReference.of(uri, 0, 0));
        }
        return toElement(tag, vr, values, at);
    }

    private static VR parseVr(JsonParser p, Event v, String at) {
        String code = stringMember(p, v, "vr", at);
        try {
            return VR.of(code);
        } catch (IllegalArgumentException ex) {
            throw new DicomCodecException("Attribute " + at + " has an unknown VR: " + code, ex);
        }
    }

    private static String stringMember(JsonParser p, Event v, String name, String at) {
        if (v != Event.VALUE_STRING) {
            throw new DicomCodecException(name + " of " + at + " is not a string");
        }
        return p.getString();
    }

    /**
     * Skips an unknown member's value. Not JsonParser.skipObject()/skipArray(): Parsson 1.1's skip
     * loops forever when the input ends inside the skipped value (found by ReaderFuzzTest); next()
     * fails cleanly at the end of the input.
     */
    private static void skip(JsonParser p, Event v) {
        if (v != Event.START_OBJECT && v != Event.START_ARRAY) {
            return;
        }
        int level = 1;
        while (level > 0) {
            Event e = p.next();
            if (e == Event.START_OBJECT || e == Event.START_ARRAY) {
                level++;
            } else if (e == Event.END_OBJECT || e == Event.END_ARRAY) {
                level--;
            }
        }
    }

    /** Reads the values of a Value array (the parser is just past its '['). */
    private static List<Object> readValues(JsonParser p, VR vr, String at, int depth) {
        List<Object> out = new ArrayList<>();
        while (true) {
            Event e = p.next();
            int i = out.size();
            switch (e) {
                case END_ARRAY:
                    return out;
                case VALUE_NULL:
                    out.add(null);
                    break;
                case VALUE_STRING:
                    out.add(p.getString());
                    break;
                case VALUE_NUMBER:
                    out.add(new NumberText(p.getString()));
                    break;
                case START_OBJECT:
                    if (vr == VR.SQ) {
                        out.add(readDataSet(p, at + "/" + i, depth + 1));
                    } else if (vr == VR.PN) {
                        out.add(readPersonName(p, at + "/" + i));
                    } else {
                        throw new DicomCodecException("Value " + i + " of " + at + " is an object; only PN values"
                                + " and SQ items are");
                    }
                    break;
                default:
                    throw new DicomCodecException("Value " + i + " of " + at + " is " + e + ", not allowed for VR " + vr);
            }
        }
    }

    private static String readPersonName(JsonParser p, String at) {
        String[] groups = {"", "", ""};
        while (true) {
            Event e = p.next();
            if (e == Event.END_OBJECT) {
                return PersonName.of(groups[0], groups[1], groups[2]).toString();
            }
            String name = p.getString();
            Event v = p.next();
            int g = List.of(DicomJsonWriter.PN_GROUPS).indexOf(name);
            if (g < 0) {
                skip(p, v);
            } else if (v == Event.VALUE_STRING) {
                groups[g] = p.getString();
            } else if (v != Event.VALUE_NULL) {
                throw new DicomCodecException(name + " of person name " + at + " is not a string");
            }
        }
    }

    private static Element toElement(int tag, VR vr, List<Object> values, String at) {
        if (vr == VR.SQ) {
            List<DataSet> items = new ArrayList<>();
            if (values != null) {
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        items.add(new DataSet());
                    } else if (v instanceof DataSet) {
                        items.add((DataSet) v);
                    } else {
                        throw new DicomCodecException("Item " + at + "/" + i + " is not a JSON object");
                    }
                }
            }
            return new Element(tag, vr, items);
        }
        if (values == null || values.isEmpty()) {
            return new Element(tag, vr, null);
        }
        if (vr.isBinary()) {
            throw new DicomCodecException("Attribute " + at + " of VR " + vr + " has a Value; binary VRs take"
                    + " InlineBinary or BulkDataURI (PS3.18 §F.2.7)");
        }
        List<String> texts = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof DataSet) {
                throw new DicomCodecException("Value " + i + " of " + at + " is an object; only PN values are");
            }
            texts.add(v == null ? null : v instanceof NumberText ? numberText((NumberText) v, vr) : (String) v);
        }
        if (vr.isString()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < texts.size(); i++) {
                if (i > 0) {
                    sb.append('\\');
                }
                if (texts.get(i) != null) {
                    sb.append(texts.get(i));
                }
            }
            return new Element(tag, vr, sb.length() == 0 ? null : sb.toString());
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw new DicomCodecException("Value " + i + " of " + at + " (" + vr + ") is null; binary numbers"
                        + " cannot be empty");
            }
        }
        return new Element(tag, vr, JsonBinaryNumbers.encode(vr, texts, at));
    }

    /** IS from a JSON number such as 1.0E1 is written as an integer; every other number keeps its text. */
    private static String numberText(NumberText n, VR vr) {
        if (vr == VR.IS) {
            try {
                return new java.math.BigDecimal(n.text()).toBigIntegerExact().toString();
            } catch (ArithmeticException notInteger) {
                return n.text();
            }
        }
        return n.text();
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
