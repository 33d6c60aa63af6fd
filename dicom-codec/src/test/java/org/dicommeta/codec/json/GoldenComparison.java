package org.dicommeta.codec.json;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Semantic comparison of DICOM JSON and Native DICOM Model XML documents, with the normalisations
 * N1-N13 of {@code dicom-codec/conformance/README.md} (the Java twin of compare.py), used to check
 * the codec against the golden files made by DCMTK and pydicom.
 */
public final class GoldenComparison {

    private static final Set<String> NUMERIC = Set.of("DS", "IS", "FL", "FD", "SL", "SS", "UL", "US", "SV", "UV");
    private static final String[] COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};
    private static final Map<String, Integer> WORD = Map.of("OW", 2, "OF", 4, "OL", 4, "OD", 8, "OV", 8);

    private GoldenComparison() {
    }

    /** A normalised attribute: VR, keyword (XML only) and a value that compares with equals. */
    record Attr(String vr, String keyword, Object data) {
    }

    /** A binary value with equals on content (N6 applied). */
    record Binary(byte[] bytes) {
        Binary {
            if (bytes.length % 2 == 0 && bytes.length > 0 && bytes[bytes.length - 1] == 0) {
                bytes = Arrays.copyOf(bytes, bytes.length - 1);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary && Arrays.equals(bytes, ((Binary) o).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Binary[" + bytes.length + " bytes]";
        }
    }

    /** Parses and normalises DICOM JSON; {@code swapBinary}: N13 for pydicom on big-endian sources. */
    public static Map<String, Attr> json(byte[] document, Set<String> dropTags, boolean swapBinary) {
        JsonObject o = Json.createReader(new StringReader(new String(document, StandardCharsets.UTF_8))).readObject();
        return jsonDataSet(o, dropTags, swapBinary);
    }

    private static Map<String, Attr> jsonDataSet(JsonObject o, Set<String> drop, boolean swap) {
        Map<String, Attr> out = new TreeMap<>();
        for (Map.Entry<String, JsonValue> m : o.entrySet()) {
            String tag = m.getKey().toUpperCase(java.util.Locale.ROOT);
            if (tag.endsWith("0000") || drop.contains(tag)) {
                continue; // N1, N5, N9
            }
            JsonObject a = m.getValue().asJsonObject();
            String vr = a.getString("vr");
            Object data = null;
            if (a.containsKey("InlineBinary")) {
                byte[] b = Base64.getDecoder().decode(a.getString("InlineBinary"));
                if (swap && WORD.containsKey(vr)) {
                    b = swap(b, WORD.get(vr));
                }
                data = b.length == 0 ? null : new Binary(b);
            } else if (a.containsKey("BulkDataURI")) {
                data = "bulk";
            } else if (a.containsKey("Value") && !a.getJsonArray("Value").isEmpty()) {
                JsonArray vals = a.getJsonArray("Value");
                List<Object> list = new ArrayList<>();
                for (JsonValue v : vals) {
                    if ("SQ".equals(vr)) {
                        list.add(v.getValueType() == JsonValue.ValueType.OBJECT
                                ? jsonDataSet(v.asJsonObject(), Set.of(), swap) : Map.of());
                    } else if ("PN".equals(vr)) {
                        list.add(pn(v));
                    } else if (NUMERIC.contains(vr)) {
                        list.add(number(v, vr));
                    } else {
                        list.add(text(v));
                    }
                }
                data = "SQ".equals(vr) || list.stream().anyMatch(Objects::nonNull) ? list : null;
            }
            out.put(tag, new Attr(vr, null, data));
        }
        return out;
    }

    static byte[] swap(byte[] b, int size) {
        byte[] out = b.clone();
        for (int i = 0; i + size <= out.length; i += size) {
            for (int k = 0; k < size; k++) {
                out[i + k] = b[i + size - 1 - k];
            }
        }
        return out;
    }

    private static Object pn(JsonValue v) {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            return v instanceof JsonString ? pnGroups(Map.of("Alphabetic", ((JsonString) v).getString())) : null;
        }
        Map<String, String> g = new TreeMap<>();
        for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
            if (e.getValue() instanceof JsonString) {
                g.put(e.getKey(), ((JsonString) e.getValue()).getString());
            }
        }
        return pnGroups(g);
    }

    /** N7: empty groups absent, trailing '^' and spaces ignored. */
    private static Object pnGroups(Map<String, String> groups) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : groups.entrySet()) {
            String s = e.getValue().replaceAll("[\\^ ]+$", "");
            if (!s.isEmpty()) {
                out.put(e.getKey(), s);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static Object text(JsonValue v) {
        if (v instanceof JsonString) {
            return text(((JsonString) v).getString());
        }
        return v.getValueType() == JsonValue.ValueType.NULL ? null : v.toString();
    }

    /** N8: empty is null; trailing spaces and NULs ignored. */
    private static Object text(String s) {
        String t = s.replaceAll("[ \\u0000]+$", "");
        return t.isEmpty() ? null : t;
    }

    private static Object number(JsonValue v, String vr) {
        if (v instanceof JsonNumber) {
            return number(((JsonNumber) v).toString(), vr);
        }
        if (v instanceof JsonString) {
            return number(((JsonString) v).getString(), vr);
        }
        return null;
    }

    /** N3/N4: by value; FL through float, FD/DS through double. */
    private static Object number(String s, String vr) {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
            switch (vr) {
                case "FL": return (double) d.floatValue();
                case "FD": case "DS": return d.doubleValue();
                default: return d.stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            return t;
        }
    }

    /** Parses and normalises a Native DICOM Model document; {@code dcmtk}: N13 for dcm2xml. */
    public static Map<Object, Attr> xml(byte[] document, Set<String> dropTags, boolean dcmtk) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(document));
            return xmlDataSet(d.getDocumentElement(), dropTags, dcmtk);
        } catch (Exception e) {
            throw new IllegalStateException("Not XML: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && name.equals(n.getLocalName())) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static Map<Object, Attr> xmlDataSet(Element parent, Set<String> drop, boolean dcmtk) {
        Map<Object, Attr> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (Element a : children(parent, "DicomAttribute")) {
            String tag = a.getAttribute("tag").toUpperCase(java.util.Locale.ROOT);
            if (tag.endsWith("0000") || drop.contains(tag)) {
                continue;
            }
            String vr = a.getAttribute("vr");
            Object key = a.hasAttribute("privateCreator")
                    ? List.of(tag.substring(0, 4) + "00" + tag.substring(6), a.getAttribute("privateCreator")) : tag;
            Object data = null;
            List<Element> inline = children(a, "InlineBinary");
            if (!inline.isEmpty()) {
                String t = inline.get(0).getTextContent().strip();
                if (!t.isEmpty()) {
                    byte[] b = Base64.getMimeDecoder().decode(t);
                    if (dcmtk && WORD.containsKey(vr)) {
                        b = swap(b, WORD.get(vr));
                    }
                    data = new Binary(b);
                }
            } else if (!children(a, "BulkData").isEmpty()) {
                data = "bulk";
            } else if ("SQ".equals(vr)) {
                List<Object> items = new ArrayList<>();
                for (Element item : children(a, "Item")) {
                    items.add(xmlDataSet(item, Set.of(), dcmtk));
                }
                data = items.isEmpty() ? null : items;
            } else if ("PN".equals(vr)) {
                TreeMap<Integer, Object> names = new TreeMap<>();
                for (Element pn : children(a, "PersonName")) {
                    Map<String, String> groups = new TreeMap<>();
                    for (String g : new String[] {"Alphabetic", "Ideographic", "Phonetic"}) {
                        for (Element ge : children(pn, g)) {
                            String[] comps = new String[5];
                            for (int c = 0; c < 5; c++) {
                                List<Element> ce = children(ge, COMPONENTS[c]);
                                comps[c] = ce.isEmpty() ? "" : ce.get(0).getTextContent();
                            }
                            groups.put(g, String.join("^", comps));
                        }
                    }
                    names.put(Integer.parseInt(pn.getAttribute("number")), pnGroups(groups));
                }
                data = ordered(names);
            } else {
                TreeMap<Integer, Object> vals = new TreeMap<>();
                for (Element v : children(a, "Value")) {
                    String t = v.getTextContent();
                    vals.put(Integer.parseInt(v.getAttribute("number")), NUMERIC.contains(vr) ? number(t, vr) : text(t));
                }
                data = ordered(vals);
            }
            out.put(key, new Attr(vr, a.hasAttribute("keyword") ? a.getAttribute("keyword") : null, data));
        }
        return out;
    }

    private static List<Object> ordered(TreeMap<Integer, Object> byNumber) {
        if (byNumber.isEmpty()) {
            return null;
        }
        List<Object> list = new ArrayList<>();
        for (int i = 1; i <= byNumber.lastKey(); i++) {
            list.add(byNumber.get(i));
        }
        return list.stream().anyMatch(Objects::nonNull) ? list : null;
    }

    /** The first difference as a path and both values, or null when equal (N11: keywords where both have one). */
    public static String firstDifference(Object ours, Object ref, String path) {
        if (ours instanceof Map && ref instanceof Map) {
            Map<?, ?> a = (Map<?, ?>) ours;
            Map<?, ?> b = (Map<?, ?>) ref;
            Set<String> keys = new TreeSet<>();
            a.keySet().forEach(k -> keys.add(k.toString()));
            b.keySet().forEach(k -> keys.add(k.toString()));
            for (String k : keys) {
                Object x = find(a, k);
                Object y = find(b, k);
                if (x == null) {
                    return path + "/" + k + " only in reference";
                }
                if (y == null) {
                    return path + "/" + k + " only in codec";
                }
                String d = firstDifference(x, y, path + "/" + k);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (ours instanceof Attr && ref instanceof Attr) {
            Attr a = (Attr) ours;
            Attr b = (Attr) ref;
            if (!a.vr().equals(b.vr())) {
                return path + ": vr " + a.vr() + " != " + b.vr();
            }
            if (a.keyword() != null && b.keyword() != null && !a.keyword().equals(b.keyword())) {
                return path + ": keyword " + a.keyword() + " != " + b.keyword();
            }
            return firstDifference(a.data(), b.data(), path);
        }
        if (ours instanceof List && ref instanceof List) {
            List<?> a = (List<?>) ours;
            List<?> b = (List<?>) ref;
            if (a.size() != b.size()) {
                return path + ": " + a.size() + " values in codec, " + b.size() + " in reference";
            }
            for (int i = 0; i < a.size(); i++) {
                String d = firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return Objects.equals(ours, ref) ? null : path + ": codec " + ours + " != reference " + ref;
    }

    private static Object find(Map<?, ?> m, String key) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getKey().toString().equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
