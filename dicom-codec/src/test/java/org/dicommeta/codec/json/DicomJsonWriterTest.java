package org.dicommeta.codec.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.dicommeta.codec.BulkDataReference;
import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Fragments;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DicomJsonWriterTest {

    private static JsonObject render(DataSet ds, JsonWriteOptions o) {
        byte[] b = DicomJsonWriter.toBytes(ds, o);
        return Json.createReader(new StringReader(new String(b, StandardCharsets.UTF_8))).readObject();
    }

    private static String minified(DataSet ds) {
        return new String(DicomJsonWriter.toBytes(ds, JsonWriteOptions.builder().minify(true).build()),
                StandardCharsets.UTF_8);
    }

    private static JsonObject attr(JsonObject root, int tag) {
        return root.getJsonObject(String.format("%08X", tag));
    }

    @Test
    @DisplayName("every VR gets the JSON type of PS3.18 Table F.2.3-1")
    void everyVrHasItsJsonType() {
        JsonObject j = render(TestDataSets.everyVr(), JsonWriteOptions.defaults());
        for (int tag : new int[] {Tag.ImageType, Tag.InstanceCreationDate, Tag.InstanceCreationTime, Tag.SOPClassUID,
            Tag.AcquisitionDateTime, Tag.RetrieveAETitle, Tag.InstitutionName, Tag.StationName, Tag.PatientAge,
            Tag.AdditionalPatientHistory, Tag.DerivationDescription, Tag.StrainDescription, Tag.RetrieveURL,
            Tag.TextValue, Tag.FrameIncrementPointer}) {
            assertThat(attr(j, tag).getJsonArray("Value").get(0).getValueType())
                    .as(Tag.toString(tag)).isEqualTo(JsonValue.ValueType.STRING);
        }
        for (int tag : new int[] {Tag.SliceThickness, Tag.InstanceNumber, Tag.Rows, Tag.PixelPaddingValue,
            Tag.SimpleFrameList, Tag.ReferencePixelX0, Tag.RecommendedDisplayFrameRateInFloat, Tag.DiffusionBValue,
            Tag.SelectorSVValue, Tag.SelectorUVValue}) {
            assertThat(attr(j, tag).getJsonArray("Value").get(0).getValueType())
                    .as(Tag.toString(tag)).isEqualTo(JsonValue.ValueType.NUMBER);
        }
        assertThat(attr(j, Tag.PatientName).getJsonArray("Value").getJsonObject(0).getString("Alphabetic"))
                .isEqualTo("Doe^John^^Dr.^Jr.");
        assertThat(attr(j, Tag.FrameIncrementPointer).getJsonArray("Value").getString(0)).isEqualTo("00181063");
        assertThat(attr(j, Tag.SimpleFrameList).getJsonArray("Value").toString()).isEqualTo("[1,2,3]");
        assertThat(attr(j, Tag.PixelPaddingValue).getJsonArray("Value").getInt(0)).isEqualTo(-2000);
        assertThat(attr(j, Tag.SelectorSVValue).getJsonArray("Value").getInt(0)).isEqualTo(-42);
        assertThat(attr(j, Tag.RecommendedDisplayFrameRateInFloat).getJsonArray("Value").getJsonNumber(0).doubleValue())
                .isEqualTo(0.5);
        assertThat(attr(j, Tag.AdditionalPatientHistory).getJsonArray("Value").getString(0))
                .as("LT is single valued: backslash and newline are text").isEqualTo("line one\\with backslash\nline two");
        for (int tag : new int[] {0x00091001, Tag.RedPaletteColorLookupTableData, Tag.FloatPixelData,
            Tag.DoubleFloatPixelData, Tag.LongEdgePointIndexList, Tag.ExtendedOffsetTable, 0x00091002, Tag.PixelData}) {
            assertThat(attr(j, tag).containsKey("InlineBinary")).as(Tag.toString(tag)).isTrue();
            assertThat(attr(j, tag).containsKey("Value")).isFalse();
        }
        assertThat(Base64.getDecoder().decode(attr(j, Tag.FloatPixelData).getString("InlineBinary")))
                .containsExactly(0, 0, 0x80, 0x3F);
        JsonObject item = attr(j, Tag.ReferencedImageSequence).getJsonArray("Value").getJsonObject(0);
        assertThat(attr(item, Tag.ReferencedSOPInstanceUID).getJsonArray("Value").getString(0)).isEqualTo("1.2.3.4.6");
        assertThat(attr(j, 0x00090010).getString("vr")).isEqualTo("LO");
        assertThat(attr(j, 0x00091001).getString("vr")).isEqualTo("OB");
    }

    @Test
    @DisplayName("an empty attribute has no Value and an empty value among several is null (PS3.18 §F.2.5)")
    void emptyValues() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientName, VR.PN, new String[0]);
        ds.setString(Tag.ImageType, VR.CS, "A", "", "C");
        ds.setString(Tag.OtherPatientNames, VR.PN, "A^B", "", "C");
        ds.setString(Tag.PixelSpacing, VR.DS, "", "1.5");
        ds.newSequence(Tag.ReferencedImageSequence);
        ds.newSequence(Tag.ReferencedStudySequence).add(new DataSet());
        ds.set(new Element(Tag.PixelData, VR.OB, null));
        JsonObject j = render(ds, JsonWriteOptions.defaults());
        assertThat(attr(j, Tag.PatientName).keySet()).containsExactly("vr");
        assertThat(attr(j, Tag.ImageType).getJsonArray("Value").toString()).isEqualTo("[\"A\",null,\"C\"]");
        assertThat(attr(j, Tag.OtherPatientNames).getJsonArray("Value").toString())
                .isEqualTo("[{\"Alphabetic\":\"A^B\"},null,{\"Alphabetic\":\"C\"}]");
        assertThat(attr(j, Tag.PixelSpacing).getJsonArray("Value").toString()).isEqualTo("[null,1.5]");
        assertThat(attr(j, Tag.ReferencedImageSequence).keySet()).containsExactly("vr");
        assertThat(attr(j, Tag.ReferencedStudySequence).getJsonArray("Value").toString()).isEqualTo("[{}]");
        assertThat(attr(j, Tag.PixelData).keySet()).containsExactly("vr");
    }

    @Test
    @DisplayName("person names keep their alphabetic, ideographic and phonetic groups, omitting empty ones")
    void personNameGroups() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "=Wang^XiaoDong");
        ds.setString(Tag.PerformingPhysicianName, VR.PN, "Smith==smiθ");
        JsonObject j = render(ds, JsonWriteOptions.defaults());
        JsonObject pn = attr(j, Tag.PatientName).getJsonArray("Value").getJsonObject(0);
        assertThat(pn.getString("Alphabetic")).isEqualTo("Yamada^Tarou");
        assertThat(pn.getString("Ideographic")).isEqualTo("山田^太郎");
        assertThat(pn.getString("Phonetic")).isEqualTo("やまだ^たろう");
        assertThat(attr(j, Tag.ReferringPhysicianName).getJsonArray("Value").getJsonObject(0).keySet())
                .containsExactly("Ideographic");
        assertThat(attr(j, Tag.PerformingPhysicianName).getJsonArray("Value").getJsonObject(0).keySet())
                .containsExactly("Alphabetic", "Phonetic");
    }

    @Test
    @DisplayName("DS and IS are numbers of the same decimal value, or strings when not numbers")
    void decimalStrings() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PixelSpacing, VR.DS, "+007.50", " .5 ", "-1E-3", "1.", "abc", "NaN");
        ds.setString(Tag.ReferencedFrameNumber, VR.IS, "0012", "+3", "-0", "1.5");
        String j = minified(ds);
        assertThat(j).contains("\"00280030\":{\"vr\":\"DS\",\"Value\":[7.50,0.5,-1E-3,1,\"abc\",\"NaN\"]}");
        assertThat(j).contains("\"00081160\":{\"vr\":\"IS\",\"Value\":[12,3,-0,\"1.5\"]}");
    }

    @Test
    @DisplayName("SV/UV beyond 2^53 and non-finite FL/FD are strings; others numbers")
    void bigAndNonFiniteNumbers() {
        DataSet ds = new DataSet();
        ds.setBytes(Tag.SelectorSVValue, VR.SV, TestDataSets.le64(1L << 53, (1L << 53) + 1));
        ds.setBytes(Tag.SelectorUVValue, VR.UV, TestDataSets.le64(-1L));
        ds.setDouble(Tag.DiffusionBValue, VR.FD, Double.NaN, Double.POSITIVE_INFINITY, -0.0);
        JsonObject j = render(ds, JsonWriteOptions.defaults());
        assertThat(attr(j, Tag.SelectorSVValue).getJsonArray("Value").toString())
                .isEqualTo("[9007199254740992,\"9007199254740993\"]");
        assertThat(attr(j, Tag.SelectorUVValue).getJsonArray("Value").toString()).isEqualTo("[\"18446744073709551615\"]");
        assertThat(minified(ds)).contains("\"Value\":[\"NaN\",\"Infinity\",-0.0]");
    }

    @Test
    @DisplayName("strings are escaped per RFC 8259 and stay valid UTF-8")
    void escaping() {
        DataSet ds = new DataSet();
        ds.setString(Tag.ImageComments, VR.LT, "quote\" backslash\\ tab\t nul\u0001 é 😀 lone\uD800");
        byte[] b = DicomJsonWriter.toBytes(ds, JsonWriteOptions.builder().minify(true).build());
        String s = new String(b, StandardCharsets.UTF_8);
        assertThat(s).contains("quote\\\" backslash\\\\ tab\\t nul\\u0001 é 😀 lone\uFFFD");
        assertThat(render(ds, JsonWriteOptions.defaults()).getJsonObject("00204000").getJsonArray("Value").getString(0))
                .isEqualTo("quote\" backslash\\ tab\t nul\u0001 é 😀 lone\uFFFD");
    }

    @Test
    @DisplayName("private creators and private elements are written with their tags, without keyword")
    void privateData() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientID, VR.LO, "X");
        ds.setString("ACME 1.1", 0x00090001, VR.LO, "first");
        ds.setString("OTHER", 0x00090001, VR.SH, "second");
        JsonObject j = render(ds, JsonWriteOptions.builder().writeKeyword(true).build());
        assertThat(j.keySet()).containsExactly("00090010", "00090011", "00091001", "00091101", "00100020");
        assertThat(attr(j, 0x00091101).keySet()).containsExactly("vr", "Value");
        assertThat(attr(j, 0x00090011).getJsonArray("Value").getString(0)).isEqualTo("OTHER");
        assertThat(attr(j, Tag.PatientID).getString("keyword")).isEqualTo("PatientID");
    }

    @Test
    @DisplayName("writeKeyword puts keyword before vr; without it there is none")
    void keyword() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientID, VR.LO, "X");
        String with = new String(DicomJsonWriter.toBytes(ds, JsonWriteOptions.builder().writeKeyword(true).minify(true)
                .build()), StandardCharsets.UTF_8);
        String without = new String(DicomJsonWriter.toBytes(ds, JsonWriteOptions.builder().minify(true).build()),
                StandardCharsets.UTF_8);
        assertThat(with).isEqualTo("{\"00100020\":{\"keyword\":\"PatientID\",\"vr\":\"LO\",\"Value\":[\"X\"]}}");
        assertThat(without).isEqualTo("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"X\"]}}");
    }

    @Test
    @DisplayName("pretty output uses two-space indentation; minify has no insignificant whitespace")
    void prettyAndMinify() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientID, VR.LO, "A B");
        String pretty = new String(DicomJsonWriter.toBytes(ds, JsonWriteOptions.defaults()), StandardCharsets.UTF_8);
        assertThat(pretty).isEqualTo("{\n  \"00100020\": {\n    \"vr\": \"LO\",\n    \"Value\": [\n      \"A B\"\n    ]\n  }\n}\n");
        String min = new String(DicomJsonWriter.toBytes(ds, JsonWriteOptions.builder().minify(true).build()),
                StandardCharsets.UTF_8);
        assertThat(min).isEqualTo("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"A B\"]}}");
        assertThat(new String(DicomJsonWriter.toBytes(new DataSet(), JsonWriteOptions.defaults()),
                StandardCharsets.UTF_8)).isEqualTo("{}\n");
    }

    @Test
    @DisplayName("trimWhiteSpace strips leading and trailing spaces; padding is gone either way")
    void trimWhiteSpace() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientID, VR.LO, "  id  ");
        ds.setString(Tag.PatientName, VR.PN, " Doe^John ");
        JsonObject plain = render(ds, JsonWriteOptions.defaults());
        JsonObject trimmed = render(ds, JsonWriteOptions.builder().trimWhiteSpace(true).build());
        assertThat(attr(plain, Tag.PatientID).getJsonArray("Value").getString(0)).isEqualTo("  id");
        assertThat(attr(trimmed, Tag.PatientID).getJsonArray("Value").getString(0)).isEqualTo("id");
        assertThat(attr(trimmed, Tag.PatientName).getJsonArray("Value").getJsonObject(0).getString("Alphabetic"))
                .isEqualTo("Doe^John");
    }

    @Test
    @DisplayName("ignoreAllData keeps tag and vr of every attribute, sequences without items")
    void ignoreAllData() {
        JsonObject j = render(TestDataSets.everyVr(), JsonWriteOptions.builder().ignoreAllData(true)
                .inlineBinary(true).writeKeyword(true).build());
        assertThat(j.keySet()).hasSize(TestDataSets.everyVr().size());
        for (String tag : j.keySet()) {
            assertThat(j.getJsonObject(tag).keySet()).as(tag).isSubsetOf("keyword", "vr").contains("vr");
        }
        assertThat(attr(j, Tag.ReferencedImageSequence).getString("vr")).isEqualTo("SQ");
    }

    @Test
    @DisplayName("ignoreBinaryData drops the value of every OB OD OF OL OV OW UN attribute, whatever else is set")
    void ignoreBinaryData() {
        JsonObject j = render(TestDataSets.everyVr(), JsonWriteOptions.builder().ignoreBinaryData(true)
                .inlineBinary(true).bulkDataUri(true).build());
        for (int tag : new int[] {0x00091001, Tag.RedPaletteColorLookupTableData, Tag.FloatPixelData,
            Tag.DoubleFloatPixelData, Tag.LongEdgePointIndexList, Tag.ExtendedOffsetTable, 0x00091002, Tag.PixelData}) {
            assertThat(attr(j, tag).keySet()).as(Tag.toString(tag)).containsExactly("vr");
        }
        assertThat(attr(j, Tag.Rows).containsKey("Value")).isTrue();
    }

    @Test
    @DisplayName("ignorePixelData drops the three pixel data attributes only, at every level")
    void ignorePixelData() {
        DataSet ds = TestDataSets.everyVr();
        DataSet icon = new DataSet();
        icon.setBytes(Tag.PixelData, VR.OB, new byte[] {9, 9});
        ds.newSequence(Tag.IconImageSequence).add(icon);
        JsonObject j = render(ds, JsonWriteOptions.builder().ignorePixelData(true).build());
        assertThat(attr(j, Tag.PixelData).keySet()).containsExactly("vr");
        assertThat(attr(j, Tag.FloatPixelData).keySet()).containsExactly("vr");
        assertThat(attr(j, Tag.DoubleFloatPixelData).keySet()).containsExactly("vr");
        assertThat(attr(attr(j, Tag.IconImageSequence).getJsonArray("Value").getJsonObject(0), Tag.PixelData).keySet())
                .containsExactly("vr");
        assertThat(attr(j, Tag.RedPaletteColorLookupTableData).containsKey("InlineBinary")).isTrue();
    }

    @Test
    @DisplayName("inlineBinary wins over bulkDataUri; bulkDataUri alone writes URIs from the template")
    void inlineVersusBulkDataUri() {
        DataSet ds = TestDataSets.everyVr();
        JsonObject both = render(ds, JsonWriteOptions.builder().inlineBinary(true).bulkDataUri(true).build());
        assertThat(attr(both, Tag.PixelData).keySet()).containsExactly("vr", "InlineBinary");
        JsonObject uri = render(ds, JsonWriteOptions.builder().bulkDataUri(true)
                .bulkDataUriTemplate("http://h/{StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}/{tag}?{other}").build());
        assertThat(attr(uri, Tag.PixelData).getString("BulkDataURI")).isEqualTo("http://h/1.2.3/1.2.3.4/1.2.3.4.5/7FE00010?{other}");
        assertThat(attr(uri, Tag.PixelData).containsKey("InlineBinary")).isFalse();
        assertThat(render(ds, JsonWriteOptions.builder().bulkDataUri(true).build()).getJsonObject("7FE00010")
                .getString("BulkDataURI")).isEqualTo("studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5/bulkdata/7FE00010");
    }

    @Test
    @DisplayName("{tag} of an attribute inside items is the path of tags and item indexes")
    void nestedBulkDataPath() {
        DataSet ds = new DataSet();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "9");
        List<DataSet> outer = ds.newSequence(Tag.EnergyWindowInformationSequence);
        outer.add(new DataSet());
        DataSet second = new DataSet();
        second.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, TestDataSets.le16(1));
        outer.add(second);
        JsonObject j = render(ds, JsonWriteOptions.builder().bulkDataUri(true).bulkDataUriTemplate("{tag}").build());
        assertThat(attr(attr(j, Tag.EnergyWindowInformationSequence).getJsonArray("Value").getJsonObject(1),
                Tag.RedPaletteColorLookupTableData).getString("BulkDataURI")).isEqualTo("00540012/1/00281201");
    }

    @Test
    @DisplayName("a value skipped by a header-only read is a BulkDataURI by default, an error when inline is asked, dropped when ignored")
    void headerOnlyBulkData() {
        DataSet ds = TestDataSets.headerOnly();
        assertThat(attr(render(ds, JsonWriteOptions.defaults()), Tag.PixelData).getString("BulkDataURI"))
                .endsWith("/bulkdata/7FE00010");
        assertThatThrownBy(() -> DicomJsonWriter.toBytes(ds, JsonWriteOptions.builder().inlineBinary(true).build()))
                .isInstanceOf(DicomCodecException.class)
                .hasMessageContaining("(7FE0,0010)").hasMessageContaining("ct.dcm").hasMessageContaining("header-only");
        assertThat(attr(render(ds, JsonWriteOptions.builder().inlineBinary(true).ignorePixelData(true).build()),
                Tag.PixelData).keySet()).containsExactly("vr");
        DataSet lut = new DataSet();
        lut.set(new Element(0x00283006, VR.US,
                BulkDataReference.of("x.dcm", 10, 8192)));
        assertThat(attr(render(lut, JsonWriteOptions.builder().inlineBinary(true).build()), 0x00283006)
                .containsKey("BulkDataURI")).as("non-binary VR: never inline").isTrue();
    }

    @Test
    @DisplayName("encapsulated pixel data is written inline as its items (PS3.5 §A.4)")
    void encapsulatedInline() {
        DataSet ds = new DataSet();
        ds.set(new Element(Tag.PixelData, VR.OB, new Fragments(List.of(new byte[0], new byte[] {1, 2, 3, 4}))));
        byte[] v = Base64.getDecoder().decode(attr(render(ds, JsonWriteOptions.defaults()), Tag.PixelData)
                .getString("InlineBinary"));
        assertThat(v).containsExactly(0xFE, 0xFF, 0x00, 0xE0, 0, 0, 0, 0, 0xFE, 0xFF, 0x00, 0xE0, 4, 0, 0, 0, 1, 2, 3, 4);
    }

    @Test
    @DisplayName("encapsulated pixel data read as OW is written as OB (PS3.5 §A.4), in memory or skipped")
    void encapsulatedIsOb() {
        DataSet ds = new DataSet();
        ds.set(new Element(Tag.PixelData, VR.OW, new Fragments(List.of(new byte[0], new byte[] {1, 2}))));
        assertThat(attr(render(ds, JsonWriteOptions.defaults()), Tag.PixelData).getString("vr")).isEqualTo("OB");
        ds.set(new Element(Tag.PixelData, VR.OW, new BulkDataReference("f.dcm", 100, 2000, true)));
        assertThat(attr(render(ds, JsonWriteOptions.defaults()), Tag.PixelData).getString("vr")).isEqualTo("OB");
        ds.setBytes(Tag.PixelData, VR.OW, new byte[] {1, 2});
        assertThat(attr(render(ds, JsonWriteOptions.defaults()), Tag.PixelData).getString("vr")).isEqualTo("OW");
    }

    @Test
    @DisplayName("group length elements are not written")
    void groupLength() {
        DataSet ds = new DataSet();
        ds.setInt(0x00080000, VR.UL, 10);
        ds.setString(Tag.Modality, VR.CS, "CT");
        assertThat(render(ds, JsonWriteOptions.defaults()).keySet()).containsExactly("00080060");
    }

    @Test
    @DisplayName("output is byte-identical across calls and between write() and toBytes()")
    void deterministic() {
        DataSet ds = TestDataSets.everyVr();
        JsonWriteOptions o = JsonWriteOptions.builder().writeKeyword(true).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomJsonWriter.write(ds, out, o);
        assertThat(out.toByteArray()).isEqualTo(DicomJsonWriter.toBytes(ds, o)).isEqualTo(DicomJsonWriter.toBytes(ds, o));
    }

    @Test
    @DisplayName("a large value streams through the 16 KB buffer intact")
    void largeValueStreams() {
        DataSet ds = new DataSet();
        byte[] big = new byte[100_003];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        ds.setBytes(Tag.PixelData, VR.OB, big);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomJsonWriter.write(ds, out, JsonWriteOptions.defaults());
        JsonObject j = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
        assertThat(Base64.getDecoder().decode(attr(j, Tag.PixelData).getString("InlineBinary"))).isEqualTo(big);
    }

    @Test
    @DisplayName("options: defaults, builder round trip, toString names the flags set")
    void options() {
        JsonWriteOptions o = JsonWriteOptions.builder().minify(true).ignorePixelData(true).build();
        assertThat(o.toBuilder().build()).isEqualTo(o);
        assertThat(o.toString()).isEqualTo("JsonWriteOptions[ignorePixelData,minify]");
        assertThat(JsonWriteOptions.defaults().bulkDataUriTemplate())
                .isEqualTo(JsonWriteOptions.DEFAULT_BULK_DATA_URI_TEMPLATE);
        assertThat(JsonWriteOptions.defaults().inlineBinary()).isFalse();
    }
}
