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
