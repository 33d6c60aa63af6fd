package org.dicommeta.tck;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.UID;
import org.dicommeta.codec.VR;
import org.dicommeta.domain.StoreOptions;
import org.dicommeta.domain.JsonFlag;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.XmlFlag;
import org.dicommeta.domain.XmlOptions;
import org.dicommeta.tck.data.SyntheticStudies;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Contract section "Flags", lightly: each JSON and XML flag changes the stored record as documented,
 * and conflicts resolve by precedence. The codec's own tests cover rendering in depth; these check that
 * the flags reach the renderer through the agent and that what is stored is what was rendered.
 */
public interface FlagContract extends StoreUnderTest {

    /** Pixel Data (7FE0,0010). */
    String PIXEL_DATA = "7FE00010";
    /** The private OB element (0029,1012) of the synthetic data's private block. */
    String PRIVATE_OB = "00291012";
    /** Station Name (0008,1010), stored with leading spaces. */
    String STATION_NAME = "00081010";
    /** Patient's Name (0010,0010). */
    String PATIENT_NAME = "00100010";
    /** A bulk data URI template with every placeholder. */
    String TEMPLATE = "https://pacs.example/wado/studies/{StudyInstanceUID}/series/{SeriesInstanceUID}"
            + "/instances/{SOPInstanceUID}/bulk/{tag}";

    /** Imports one CT instance and returns its UID and data set. */
    private Map.Entry<String, DataSet> flagInstance() {
        Path file = kit().writeStudy(90, 2, 0).get(1);
        return Map.entry(kit().importFiles(List.of(file)).get(0), kit().read(file));
    }

    /** Stores the instance's record with {@code options} (replacing) and returns its text. */
    private String render(Map.Entry<String, DataSet> one, RenderOptions options) {
        kit().agent().records(options.format()).store(one.getValue(), one.getKey(), options, true);
        return kit().text(options.format(), one.getKey());
    }

    private static JsonObject json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            JsonValue v = r.readValue();
            // A single data set is an object; a WADO-RS style array of one is accepted too.
            return v.getValueType() == JsonValue.ValueType.ARRAY ? v.asJsonArray().getJsonObject(0) : v.asJsonObject();
        }
    }

    private static Document xml(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the XML record does not parse: " + e.getMessage(), e);
        }
    }

    private static Element attribute(Document doc, String tag) {
        NodeList all = doc.getElementsByTagName("DicomAttribute");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (tag.equalsIgnoreCase(e.getAttribute("tag"))) {
                return e;
            }
        }
        throw new AssertionError("no DicomAttribute tag=\"" + tag + "\" in the XML record");
    }

    /**
     * The private attribute (0029,xx12) of the synthetic private block. PS3.19 §A.1 names it by its
     * privateCreator; whether the tag keeps the block byte or writes it as 00 is left open here.
     */
    private static Element privateOb(Document doc) {
        NodeList all = doc.getElementsByTagName("DicomAttribute");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String tag = e.getAttribute("tag").toUpperCase(java.util.Locale.ROOT);
            if (tag.startsWith("0029") && tag.endsWith("12")
                    && SyntheticStudies.PRIVATE_CREATOR.equals(e.getAttribute("privateCreator"))) {
                return e;
            }
        }
        throw new AssertionError("no DicomAttribute of privateCreator \"" + SyntheticStudies.PRIVATE_CREATOR
                + "\" with tag 0029xx12 in the XML record");
    }

    private static List<String> childNames(Element e) {
        List<String> out = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c.getTagName());
            }
        }
        return out;
    }

    private String expandedUri(Map.Entry<String, DataSet> one, String tag) {
        return TEMPLATE.replace("{StudyInstanceUID}", one.getValue().getString(org.dicommeta.codec.Tag.StudyInstanceUID))
                .replace("{SeriesInstanceUID}", one.getValue().getString(org.dicommeta.codec.Tag.SeriesInstanceUID))
                .replace("{SOPInstanceUID}", one.getKey())
                .replace("{tag}", tag);
    }

    // ------------------------------------------------------------------ JSON

    @Test
    @DisplayName("JSON by default drops binary values but keeps the attributes with their VR, minified")
    default void jsonDefaultIgnoresBinary() {
        String text = render(flagInstance(), JsonOptions.defaults());
        JsonObject o = json(text);

        assertThat(o.getJsonObject(PIXEL_DATA).getString("vr")).isEqualTo("OW");
        assertThat(o.getJsonObject(PIXEL_DATA).keySet()).containsOnly("vr");
        assertThat(o.getJsonObject(PRIVATE_OB).keySet()).containsOnly("vr");
        assertThat(text).doesNotContain("InlineBinary").doesNotContain("BulkDataURI").doesNotContain("\n");
    }

    @Test
    @DisplayName("JSON inline binary writes binary values base64 as InlineBinary")
    default void jsonInlineBinary() {
        JsonObject o = json(render(flagInstance(), JsonOptions.of(JsonFlag.INLINE_BINARY)));

        byte[] pixels = Base64.getDecoder().decode(o.getJsonObject(PIXEL_DATA).getString("InlineBinary"));
        assertThat(pixels).hasSize(SyntheticStudies.ROWS * SyntheticStudies.COLUMNS * 2);
        assertThat(o.getJsonObject(PRIVATE_OB).containsKey("InlineBinary")).isTrue();
    }

    @Test
    @DisplayName("JSON ignore pixel data drops the pixel data value but keeps other binary values")
    default void jsonIgnorePixelData() {
        JsonObject o = json(render(flagInstance(), JsonOptions.of(JsonFlag.IGNORE_PIXEL_DATA, JsonFlag.INLINE_BINARY)));

        assertThat(o.getJsonObject(PIXEL_DATA).keySet()).containsOnly("vr");
        assertThat(o.getJsonObject(PRIVATE_OB).containsKey("InlineBinary")).isTrue();
    }

    @Test
    @DisplayName("JSON ignore all data keeps every attribute's tag and VR only, and wins over inline binary")
    default void jsonIgnoreAllData() {
        String text = render(flagInstance(), JsonOptions.of(JsonFlag.IGNORE_ALL_DATA, JsonFlag.INLINE_BINARY));
        JsonObject o = json(text);

        assertThat(o.getJsonObject(PATIENT_NAME).keySet()).containsOnly("vr");
        assertThat(o.getJsonObject("00081032").getString("vr")).isEqualTo("SQ");
        assertThat(text).doesNotContain("\"Value\"").doesNotContain("InlineBinary");
    }

    @Test
    @DisplayName("JSON bulk data URI replaces binary values by a BulkDataURI made from the template")
    default void jsonBulkDataUri() {
        var one = flagInstance();
        JsonObject o = json(render(one, JsonOptions.of(JsonFlag.BULK_DATA_URI).withBulkDataUriTemplate(TEMPLATE)));

        assertThat(o.getJsonObject(PIXEL_DATA).getString("BulkDataURI")).isEqualTo(expandedUri(one, PIXEL_DATA));
        assertThat(o.getJsonObject(PIXEL_DATA).containsKey("InlineBinary")).isFalse();
    }

    @Test
    @DisplayName("JSON inline binary wins over bulk data URI")
    default void jsonInlineWinsOverUri() {
        JsonObject o = json(render(flagInstance(),
                JsonOptions.of(JsonFlag.INLINE_BINARY, JsonFlag.BULK_DATA_URI).withBulkDataUriTemplate(TEMPLATE)));

        assertThat(o.getJsonObject(PIXEL_DATA).containsKey("InlineBinary")).isTrue();
        assertThat(o.getJsonObject(PIXEL_DATA).containsKey("BulkDataURI")).isFalse();
    }

    @Test
    @DisplayName("JSON trim white space removes leading spaces of string values")
    default void jsonTrim() {
        var one = flagInstance();
        String untrimmed = json(render(one, JsonOptions.defaults())).getJsonObject(STATION_NAME)
                .getJsonArray("Value").getString(0);
        String trimmed = json(render(one, JsonOptions.of(JsonFlag.TRIM_WHITE_SPACE))).getJsonObject(STATION_NAME)
                .getJsonArray("Value").getString(0);

        assertThat(untrimmed).isEqualTo(SyntheticStudies.STATION_NAME_WITH_LEADING_SPACES);
        assertThat(trimmed).isEqualTo(SyntheticStudies.STATION_NAME_WITH_LEADING_SPACES.strip());
    }

    @Test
    @DisplayName("JSON write keyword adds a keyword member beside vr")
    default void jsonWriteKeyword() {
        var one = flagInstance();
        JsonObject with = json(render(one, JsonOptions.of(JsonFlag.WRITE_KEYWORD)));
        JsonObject without = json(render(one, JsonOptions.of()));

        assertThat(with.getJsonObject(PATIENT_NAME).getString("keyword")).isEqualTo("PatientName");
        assertThat(without.getJsonObject(PATIENT_NAME).containsKey("keyword")).isFalse();
    }

    @Test
    @DisplayName("JSON minify writes no newline; without it the record is indented")
    default void jsonMinify() {
        var one = flagInstance();
        assertThat(render(one, JsonOptions.of(JsonFlag.MINIFY))).doesNotContain("\n");
        assertThat(render(one, JsonOptions.of())).contains("\n");
    }

    // ------------------------------------------------------------------ XML

    @Test
    @DisplayName("XML by default is a Native DICOM Model that keeps binary attributes without their values")
    default void xmlDefaultIgnoresBinary() {
        Document doc = xml(render(flagInstance(), XmlOptions.defaults()));

        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("NativeDicomModel");
        Element pixels = attribute(doc, PIXEL_DATA);
        assertThat(pixels.getAttribute("vr")).isEqualTo("OW");
        assertThat(childNames(pixels)).isEmpty();
        assertThat(childNames(privateOb(doc))).isEmpty();
    }

    @Test
    @DisplayName("XML inline binary writes binary values as InlineBinary")
    default void xmlInlineBinary() {
        Document doc = xml(render(flagInstance(), XmlOptions.of(XmlFlag.INLINE_BINARY)));

        assertThat(childNames(attribute(doc, PIXEL_DATA))).containsExactly("InlineBinary");
        String base64 = attribute(doc, PIXEL_DATA).getTextContent().strip();
        assertThat(Base64.getMimeDecoder().decode(base64)).hasSize(SyntheticStudies.ROWS * SyntheticStudies.COLUMNS * 2);
    }

    @Test
    @DisplayName("XML ignore pixel data drops the pixel data value but keeps other binary values")
    default void xmlIgnorePixelData() {
        Document doc = xml(render(flagInstance(), XmlOptions.of(XmlFlag.IGNORE_PIXEL_DATA, XmlFlag.INLINE_BINARY)));

        assertThat(childNames(attribute(doc, PIXEL_DATA))).isEmpty();
        assertThat(childNames(privateOb(doc))).containsExactly("InlineBinary");
    }

    @Test
    @DisplayName("XML bulk data URI writes BulkData with the URI made from the template")
    default void xmlBulkDataUri() {
        var one = flagInstance();
        Document doc = xml(render(one, XmlOptions.of(XmlFlag.BULK_DATA_URI).withBulkDataUriTemplate(TEMPLATE)));

        Element pixels = attribute(doc, PIXEL_DATA);
        assertThat(childNames(pixels)).containsExactly("BulkData");
        assertThat(((Element) pixels.getElementsByTagName("BulkData").item(0)).getAttribute("uri"))
                .isEqualTo(expandedUri(one, PIXEL_DATA));
    }

    @Test
    @DisplayName("XML bulk data UUID writes BulkData with a uuid that is the same on every rendering")
    default void xmlBulkDataUuid() {
        var one = flagInstance();
        String first = render(one, XmlOptions.of(XmlFlag.BULK_DATA_UUID));
        String second = render(one, XmlOptions.of(XmlFlag.BULK_DATA_UUID));

        Element bulk = (Element) attribute(xml(first), PIXEL_DATA).getElementsByTagName("BulkData").item(0);
        assertThat(bulk).as("BulkData element").isNotNull();
        assertThat(bulk.getAttribute("uuid")).isNotBlank();
        assertThat(second).isEqualTo(first);
    }

    @Test
    @DisplayName("XML binary references resolve by precedence: inline over bulk data URI over bulk data UUID")
    default void xmlReferencePrecedence() {
        var one = flagInstance();
        Document all = xml(render(one, XmlOptions.of(XmlFlag.INLINE_BINARY, XmlFlag.BULK_DATA_URI, XmlFlag.BULK_DATA_UUID)
                .withBulkDataUriTemplate(TEMPLATE)));
        Document uriAndUuid = xml(render(one, XmlOptions.of(XmlFlag.BULK_DATA_URI, XmlFlag.BULK_DATA_UUID)
                .withBulkDataUriTemplate(TEMPLATE)));

        assertThat(childNames(attribute(all, PIXEL_DATA))).containsExactly("InlineBinary");
        Element bulk = (Element) attribute(uriAndUuid, PIXEL_DATA).getElementsByTagName("BulkData").item(0);
        assertThat(bulk.getAttribute("uri")).isEqualTo(expandedUri(one, PIXEL_DATA));
        assertThat(bulk.hasAttribute("uuid")).isFalse();
    }

    @Test
    @DisplayName("XML ignore all data keeps each DicomAttribute without values, and wins over inline binary")
    default void xmlIgnoreAllData() {
        Document doc = xml(render(flagInstance(), XmlOptions.of(XmlFlag.IGNORE_ALL_DATA, XmlFlag.INLINE_BINARY)));

        for (String child : List.of("Value", "PersonName", "Item", "InlineBinary", "BulkData")) {
            assertThat(doc.getElementsByTagName(child).getLength()).as("<%s> elements", child).isZero();
        }
        assertThat(attribute(doc, PATIENT_NAME).getAttribute("vr")).isEqualTo("PN");
    }

    @Test
    @DisplayName("XML trim white space removes leading spaces of string values")
    default void xmlTrim() {
        var one = flagInstance();
        String untrimmed = attribute(xml(render(one, XmlOptions.of())), STATION_NAME).getTextContent();
        String trimmed = attribute(xml(render(one, XmlOptions.of(XmlFlag.TRIM_WHITE_SPACE))), STATION_NAME)
                .getTextContent();

        assertThat(untrimmed).contains(SyntheticStudies.STATION_NAME_WITH_LEADING_SPACES);
        assertThat(trimmed.strip()).isEqualTo("SYNTH01");
        assertThat(trimmed).doesNotContain(SyntheticStudies.STATION_NAME_WITH_LEADING_SPACES);
    }

    @Test
    @DisplayName("XML write full end element writes empty elements as a start and an end tag")
    default void xmlFullEndElement() {
        var one = flagInstance();
        Pattern selfClosing = Pattern.compile("<DicomAttribute[^>]*/>");
        String compact = render(one, XmlOptions.of(XmlFlag.IGNORE_ALL_DATA));
        String full = render(one, XmlOptions.of(XmlFlag.IGNORE_ALL_DATA, XmlFlag.WRITE_FULL_END_ELEMENT));

        assertThat(selfClosing.matcher(compact).find()).as("self-closing elements without the flag").isTrue();
        assertThat(selfClosing.matcher(full).find()).as("self-closing elements with the flag").isFalse();
        assertThat(full).contains("></DicomAttribute>");
    }

    // ------------------------------------------------------------------ what "binary" means

    /** A public tag of an even group that no dictionary defines: its VR is UN, as after an implicit VR read. */
    int UNKNOWN_PUBLIC_TAG = 0x0018FFF0;

    /**
     * Indexes a CT instance that carries one attribute of each binary VR (OB, OD, OF, OL, OV, OW, UN) beside
     * its usual text and numeric attributes, and returns its UID and data set.
     */
    private Map.Entry<String, DataSet> everyBinaryVr() {
        DataSet ds = SyntheticStudies.ct(95);
        ds.setBytes(Tag.EncapsulatedDocument, VR.OB, bytes(10, 1));
        ds.setBytes(Tag.DoublePointCoordinatesData, VR.OD, bytes(16, 2));
        ds.setBytes(Tag.PointCoordinatesData, VR.OF, bytes(8, 3));
        ds.setBytes(Tag.LongPrimitivePointIndexList, VR.OL, bytes(8, 4));
        ds.setBytes(Tag.ExtendedOffsetTable, VR.OV, bytes(8, 5));
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, bytes(6, 6));
        ds.setBytes(UNKNOWN_PUBLIC_TAG, VR.UN, bytes(4, 7));
        ds.setDouble(Tag.DiffusionBValue, VR.FD, 1000.5);
        ds.setInt(Tag.SmallestImagePixelValue, VR.SS, -12);
        String uid = kit().agent().store(ds, UID.ExplicitVRLittleEndian, kit().dir().resolve("binary-vrs.dcm").toString(),
                StoreOptions.indexOnly()).sopInstanceUid();
        return Map.entry(uid, ds);
    }

    private static byte[] bytes(int n, int fill) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    /** The keys ("GGGGEEEE") of the data set's top-level public attributes, split by whether their VR is binary. */
    private static Map<Boolean, List<String>> publicKeysByBinary(DataSet ds) {
        Map<Boolean, List<String>> out = new java.util.HashMap<>(Map.of(true, new java.util.ArrayList<>(),
                false, new java.util.ArrayList<>()));
        for (org.dicommeta.codec.Element e : ds) {
            // Private attributes are named by their creator (other tests); sequences may nest binary values.
            if (((e.tag() >>> 16) & 1) == 0 && e.vr() != VR.SQ) {
                out.get(e.vr().isBinary()).add(String.format("%08X", e.tag()));
            }
        }
        return out;
    }

    @Test
    @DisplayName("JSON ignore binary data drops the values of exactly the VRs OB, OD, OF, OL, OV, OW and UN, and wins over ignore pixel data")
    default void jsonBinaryMeansTheseVrs() {
        var one = everyBinaryVr();
        Map<Boolean, List<String>> keys = publicKeysByBinary(one.getValue());
        JsonObject ignored = json(render(one, JsonOptions.of(JsonFlag.IGNORE_BINARY_DATA, JsonFlag.IGNORE_PIXEL_DATA,
                JsonFlag.INLINE_BINARY)));
        JsonObject inline = json(render(one, JsonOptions.of(JsonFlag.INLINE_BINARY)));

        assertThat(keys.get(true)).as("binary attributes of the test instance").contains("00420011", "00660022",
                "00660016", "00660040", "7FE00001", "00281201", "0018FFF0", PIXEL_DATA);
        assertThat(keys.get(false)).as("non-binary attributes of the test instance").contains("00189087", "00280106",
                PATIENT_NAME, STATION_NAME);
        for (String key : keys.get(true)) {
            assertThat(ignored.getJsonObject(key).keySet()).as("ignored binary %s", key).containsOnly("vr");
            assertThat(inline.getJsonObject(key).keySet()).as("inline binary %s", key).containsOnly("vr", "InlineBinary");
            assertThat(ignored.getJsonObject(key).getString("vr")).isEqualTo(inline.getJsonObject(key).getString("vr"));
        }
        assertThat(inline.getJsonObject(String.format("%08X", UNKNOWN_PUBLIC_TAG)).getString("vr")).isEqualTo("UN");
        for (String key : keys.get(false)) {
            assertThat(ignored.get(key)).as("non-binary %s is untouched by ignore binary data", key)
                    .isEqualTo(inline.get(key));
        }
        assertThat(ignored.getJsonObject("00189087").getJsonArray("Value").getJsonNumber(0).doubleValue())
                .isEqualTo(1000.5);
        assertThat(ignored.getJsonObject("00280106").getJsonArray("Value").getInt(0)).isEqualTo(-12);
    }

    @Test
    @DisplayName("XML ignore binary data drops the values of exactly the VRs OB, OD, OF, OL, OV, OW and UN")
    default void xmlBinaryMeansTheseVrs() {
        var one = everyBinaryVr();
        Map<Boolean, List<String>> keys = publicKeysByBinary(one.getValue());
        Document ignored = xml(render(one, XmlOptions.of(XmlFlag.IGNORE_BINARY_DATA, XmlFlag.INLINE_BINARY)));
        Document inline = xml(render(one, XmlOptions.of(XmlFlag.INLINE_BINARY)));

        for (String key : keys.get(true)) {
            assertThat(childNames(attribute(ignored, key))).as("ignored binary %s", key).isEmpty();
            assertThat(childNames(attribute(inline, key))).as("inline binary %s", key).containsExactly("InlineBinary");
        }
        for (String key : keys.get(false)) {
            Element kept = attribute(ignored, key);
            Element full = attribute(inline, key);
            assertThat(kept.isEqualNode(full)).as("non-binary %s is untouched by ignore binary data", key).isTrue();
        }
        assertThat(childNames(attribute(ignored, "00189087"))).containsExactly("Value");
    }

    // ------------------------------------------------------------------ both

    @Test
    @DisplayName("a record's flags in its provenance are the effective flags after precedence")
    default void provenanceFlagsAfterPrecedence() {
        var one = flagInstance();
        JsonOptions json = JsonOptions.of(JsonFlag.IGNORE_ALL_DATA, JsonFlag.IGNORE_PIXEL_DATA, JsonFlag.INLINE_BINARY);
        XmlOptions xmlOptions = XmlOptions.of(XmlFlag.INLINE_BINARY, XmlFlag.BULK_DATA_UUID);
        render(one, json);
        render(one, xmlOptions);

        assertThat(kit().agent().json().info(one.getKey()).orElseThrow().flags()).isEqualTo("IGNORE_ALL_DATA");
        assertThat(kit().agent().xml().info(one.getKey()).orElseThrow().flags()).isEqualTo("INLINE_BINARY");
        assertThat(kit().agent().records(MetadataFormat.XML).info(one.getKey()).orElseThrow().flags())
                .isEqualTo(xmlOptions.canonicalFlags());
    }

    @Test
    @DisplayName("generation honours the flags too: inline binary writes the whole pixel data, bulk data URI refers to it")
    default void generationHonoursBinaryFlags() {
        var one = flagInstance();
        kit().generate(Kit.generation(org.dicommeta.domain.MetadataOptions.both(JsonOptions.of(JsonFlag.INLINE_BINARY),
                XmlOptions.of(XmlFlag.BULK_DATA_URI).withBulkDataUriTemplate(TEMPLATE))),
                org.dicommeta.domain.MetadataScope.ALL);

        JsonObject o = json(kit().text(MetadataFormat.JSON, one.getKey()));
        byte[] pixels = Base64.getDecoder().decode(o.getJsonObject(PIXEL_DATA).getString("InlineBinary"));
        assertThat(pixels).isEqualTo(one.getValue().get(org.dicommeta.codec.Tag.PixelData).bytes());
        Element bulk = (Element) attribute(xml(kit().text(MetadataFormat.XML, one.getKey())), PIXEL_DATA)
                .getElementsByTagName("BulkData").item(0);
        assertThat(bulk).as("BulkData of the pixel data").isNotNull();
        assertThat(bulk.getAttribute("uri")).isEqualTo(expandedUri(one, PIXEL_DATA));
    }
}
