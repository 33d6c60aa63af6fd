package org.dicommeta.codec.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.dicommeta.codec.BulkDataReference;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.VR;

/**
 * Reads DICOM JSON (PS3.18 §F.2) back into a {@link DataSet}, the inverse of
 * {@link DicomJsonWriter}.
 *
 * <p>Text values are joined with backslash as in a binary data set; DS and IS numbers keep their
 * JSON text ({@code 1.50} stays "1.50"); PN objects become {@code Alphabetic=Ideographic=Phonetic};
 * AT strings and the numbers of FL FD SL SS SV UL US UV become little-endian bytes; {@code null}
 * values become empty values. {@code InlineBinary} is decoded; a {@code BulkDataURI} becomes a
 * {@link BulkDataReference} whose source is the URI (offset and length 0: unknown until fetched).
 * Group length attributes are ignored. The optional {@code keyword} member is not checked.
 *
 * <p>Errors (not JSON, a tag that is not 8 hex digits, an unknown VR, a value of the wrong JSON
 * type, bad base64, nesting deeper than {@value #MAX_DEPTH} sequences) throw
 * {@link DicomCodecException} naming the attribute path.
 */
public final class DicomJsonReader {

    /** Deepest sequence nesting accepted; real data sets stay far below it. */
    public static final int MAX_DEPTH = 200;

    private DicomJsonReader() {
    }

    /** Reads one DICOM JSON object (the stream is read to its end, not closed). */
    public static DataSet read(InputStream in) {
        Objects.requireNonNull(in, "in");
        JsonObject root;
        try (JsonReader reader = Json.createReader(new NonClosing(in))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new DicomCodecException("Not a DICOM JSON object: " + e.getMessage(), e);
        }
        return toDataSet(root, "", 0);
    }

    /** Reads one DICOM JSON object from UTF-8 bytes. */
    public static DataSet read(byte[] json) {
        return read(new ByteArrayInputStream(Objects.requireNonNull(json, "json")));
    }

    private static DataSet toDataSet(JsonObject obj, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new DicomCodecException("DICOM JSON nested deeper than " + MAX_DEPTH + " sequences at " + path);
        }
        DataSet ds = new DataSet(obj.size());
        for (Map.Entry<String, JsonValue> m : obj.entrySet()) {
            String key = m.getKey();
            String at = path.isEmpty() ? key : path + "/" + key;
            int tag = parseTag(key, at);
            if ((tag & 0xFFFF) == 0) {
                continue;
            }
            if (m.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                throw new DicomCodecException("Attribute " + at + " is not a JSON object");
            }
            ds.set(toElement(tag, m.getValue().asJsonObject(), at, depth));
        }
        return ds;
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

    private static Element toElement(int tag, JsonObject attr, String at, int depth) {
        JsonValue vrValue = attr.get("vr");
        if (!(vrValue instanceof JsonString)) {
            throw new DicomCodecException("Attribute " + at + " has no \"vr\"");
        }
        VR vr;
        try {
            vr = VR.of(((JsonString) vrValue).getString());
        } catch (IllegalArgumentException e) {
            throw new DicomCodecException("Attribute " + at + " has an unknown VR: " + vrValue, e);
        }
        JsonValue inline = attr.get("InlineBinary");
        if (inline != null) {
            return new Element(tag, vr, decodeBase64(inline, vr, at));
        }
        JsonValue uri = attr.get("BulkDataURI");
        if (uri != null) {
            if (!(uri instanceof JsonString)) {
                throw new DicomCodecException("BulkDataURI of " + at + " is not a string");
            }
            return new Element(tag, vr, BulkDataReference.of(((JsonString) uri).getString(), 0, 0));
        }
        JsonValue value = attr.get("Value");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return vr == VR.SQ ? new Element(tag, vr, new ArrayList<DataSet>()) : new Element(tag, vr, null);
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new DicomCodecException("Value of " + at + " is not an array");
        }
        JsonArray values = value.asJsonArray();
        if (vr == VR.SQ) {
            List<DataSet> items = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                JsonValue item = values.get(i);
                String itemPath = at + "/" + i;
                if (item.getValueType() == JsonValue.ValueType.NULL) {
                    items.add(new DataSet());
                } else if (item.getValueType() == JsonValue.ValueType.OBJECT) {
                    items.add(toDataSet(item.asJsonObject(), itemPath, depth + 1));
                } else {
                    throw new DicomCodecException("Item " + itemPath + " is not a JSON object");
                }
            }
            return new Element(tag, vr, items);
        }
        if (values.isEmpty()) {
            return new Element(tag, vr, null);
        }
        if (vr.isString()) {
            return new Element(tag, vr, joinText(vr, values, at));
        }
        if (vr.isNumeric()) {
            List<String> texts = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                JsonValue v = values.get(i);
                if (v instanceof JsonNumber) {
                    texts.add(v.toString());
                } else if (v instanceof JsonString) {
                    texts.add(((JsonString) v).getString());
                } else {
                    throw new DicomCodecException("Value " + i + " of " + at + " (" + vr + ") is "
                            + v.getValueType() + ", not a number");
                }
            }
            return new Element(tag, vr, JsonBinaryNumbers.encode(vr, texts, at));
        }
        throw new DicomCodecException("Attribute " + at + " of VR " + vr + " has a Value; binary VRs take"
                + " InlineBinary or BulkDataURI (PS3.18 §F.2.7)");
    }

    private static byte[] decodeBase64(JsonValue v, VR vr, String at) {
        if (!(v instanceof JsonString)) {
            throw new DicomCodecException("InlineBinary of " + at + " is not a string");
        }
        try {
            return Base64.getDecoder().decode(withoutWhitespace(((JsonString) v).getString()));
        } catch (IllegalArgumentException e) {
            throw new DicomCodecException("InlineBinary of " + at + " is not base64: " + e.getMessage(), e);
        }
    }

    private static String joinText(VR vr, JsonArray values, String at) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append('\\');
            }
            JsonValue v = values.get(i);
            switch (v.getValueType()) {
                case NULL:
                    break;
                case STRING:
                    sb.append(((JsonString) v).getString());
                    break;
                case NUMBER:
                    sb.append(numberText((JsonNumber) v, vr));
                    break;
                case OBJECT:
                    if (vr != VR.PN) {
                        throw new DicomCodecException("Value " + i + " of " + at + " is an object; only PN values are");
                    }
                    JsonObject pn = v.asJsonObject();
                    sb.append(PersonNames.joinGroups(group(pn, "Alphabetic", at), group(pn, "Ideographic", at),
                            group(pn, "Phonetic", at)));
                    break;
                default:
                    throw new DicomCodecException("Value " + i + " of " + at + " has JSON type " + v.getValueType()
                            + ", not allowed for VR " + vr);
            }
        }
        String s = sb.toString();
        return s.isEmpty() ? null : s;
    }

    private static String group(JsonObject pn, String name, String at) {
        JsonValue g = pn.get(name);
        if (g == null || g.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (!(g instanceof JsonString)) {
            throw new DicomCodecException(name + " of person name " + at + " is not a string");
        }
        return ((JsonString) g).getString();
    }

    private static String numberText(JsonNumber n, VR vr) {
        BigDecimal d = n.bigDecimalValue();
        if (vr == VR.IS) {
            try {
                return d.toBigIntegerExact().toString();
            } catch (ArithmeticException notInteger) {
                return n.toString();
            }
        }
        return n.toString();
    }

    /** Lets the JSON-P reader close without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
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
