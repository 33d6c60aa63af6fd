package org.dicommeta.codec.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Element;
import org.dicommeta.codec.Fragments;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.VR;
import org.dicommeta.codec.json.TestDataSets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class NativeXmlWriterTest {

    private static String xml(DataSet ds, XmlWriteOptions o) {
        return new String(NativeXmlWriter.toBytes(ds, o), StandardCharsets.UTF_8);
    }

    private static String body(DataSet ds, XmlWriteOptions o) {
        String s = xml(ds, o);
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NativeDicomModel xmlns=\""
                + NativeXmlWriter.NAMESPACE + "\" xml:space=\"preserve\">";
        assertThat(s).startsWith(head).endsWith("</NativeDicomModel>\n");
        return s.substring(head.length(), s.length() - "</NativeDicomModel>\n".length());
    }

    private static DataSet one(int tag, VR vr, String... values) {
        DataSet ds = new DataSet();
        ds.setString(tag, vr, values);
        return ds;
    }

    @Test
    @DisplayName("the document is well-formed XML for a data set of every VR")
    void wellFormed() throws Exception {
        byte[] b = NativeXmlWriter.toBytes(TestDataSets.everyVr(), XmlWriteOptions.defaults());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(b));
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("NativeDicomModel");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(NativeXmlWriter.NAMESPACE);
        assertThat(d.getElementsByTagNameNS("*", "DicomAttribute").getLength())
                .isEqualTo(TestDataSets.everyVr().size() + 2);
    }

    @Test
    @DisplayName("values, keyword and numbering follow PS3.19 §A.1")
    void values() {
        assertThat(body(one(Tag.ImageType, VR.CS, "A", "", "C"), XmlWriteOptions.defaults()))
                .isEqualTo("<DicomAttribute tag=\"00080008\" vr=\"CS\" keyword=\"ImageType\"><Value number=\"1\">A</Value>"
                        + "<Value number=\"2\"/><Value number=\"3\">C</Value></DicomAttribute>");
        DataSet ds = new DataSet();
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime, Tag.FrameTimeVector);
        ds.setDouble(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, 0.1);
        ds.setString(Tag.SliceThickness, VR.DS, " 2.50 ");
        assertThat(body(ds, XmlWriteOptions.defaults())).isEqualTo(
                "<DicomAttribute tag=\"00080000\" vr=\"UL\" keyword=\"GroupLength\"/>".substring(0, 0)
                + "<DicomAttribute tag=\"00089459\" vr=\"FL\" keyword=\"RecommendedDisplayFrameRateInFloat\">"
                + "<Value number=\"1\">0.1</Value></DicomAttribute>"
                + "<DicomAttribute tag=\"00180050\" vr=\"DS\" keyword=\"SliceThickness\"><Value number=\"1\">2.50</Value></DicomAttribute>"
                + "<DicomAttribute tag=\"00280009\" vr=\"AT\" keyword=\"FrameIncrementPointer\"><Value number=\"1\">00181063</Value>"
                + "<Value number=\"2\">00181065</Value></DicomAttribute>");
    }

    @Test
    @DisplayName("person names are written as groups of their five components, empty ones left out")
    void personName() {
        assertThat(body(one(Tag.PatientName, VR.PN, "Yamada^Tarou^^Dr=山田^太郎", ""), XmlWriteOptions.defaults()))
                .isEqualTo("<DicomAttribute tag=\"00100010\" vr=\"PN\" keyword=\"PatientName\"><PersonName number=\"1\">"
                        + "<Alphabetic><FamilyName>Yamada</FamilyName><GivenName>Tarou</GivenName><NamePrefix>Dr</NamePrefix></Alphabetic>"
                        + "<Ideographic><FamilyName>山田</FamilyName><GivenName>太郎</GivenName></Ideographic></PersonName>"
                        + "<PersonName number=\"2\"/></DicomAttribute>");
        assertThat(body(one(Tag.PatientName, VR.PN, "==^^^^Sr"), XmlWriteOptions.defaults()))
                .contains("<PersonName number=\"1\"><Phonetic><NameSuffix>Sr</NameSuffix></Phonetic></PersonName>");
    }

    @Test
    @DisplayName("private elements carry privateCreator and their tag with block byte 00")
    void privateData() {
        DataSet ds = new DataSet();
        ds.setString("GEMS_PARM_01", 0x0043004A, VR.SS, "1");
        ds.setString("OTHER", 0x0043004A, VR.LO, "x");
        String b = body(ds, XmlWriteOptions.defaults());
        assertThat(b).contains("<DicomAttribute tag=\"00430010\" vr=\"LO\"><Value number=\"1\">GEMS_PARM_01</Value>");
        assertThat(b).contains("<DicomAttribute tag=\"0043004A\" vr=\"SS\" privateCreator=\"GEMS_PARM_01\">");
        assertThat(b).contains("<DicomAttribute tag=\"0043004A\" vr=\"LO\" privateCreator=\"OTHER\">");
        DataSet orphan = new DataSet();
        orphan.setString(0x00431001, VR.LO, "no creator");
        assertThat(body(orphan, XmlWriteOptions.defaults())).startsWith("<DicomAttribute tag=\"00431001\" vr=\"LO\">");
    }

    @Test
    @DisplayName("items are numbered from 1; empty items and sequences are empty elements")
    void items() {
        DataSet ds = new DataSet();
        List<DataSet> items = ds.newSequence(Tag.ReferencedImageSequence);
        items.add(new DataSet());
        DataSet second = new DataSet();
        second.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2");
        items.add(second);
        ds.newSequence(Tag.ReferencedStudySequence);
        assertThat(body(ds, XmlWriteOptions.defaults())).isEqualTo(
                "<DicomAttribute tag=\"00081110\" vr=\"SQ\" keyword=\"ReferencedStudySequence\"/>"
                + "<DicomAttribute tag=\"00081140\" vr=\"SQ\" keyword=\"ReferencedImageSequence\"><Item number=\"1\"/>"
                + "<Item number=\"2\"><DicomAttribute tag=\"00081155\" vr=\"UI\" keyword=\"ReferencedSOPInstanceUID\">"
                + "<Value number=\"1\">1.2</Value></DicomAttribute></Item></DicomAttribute>");
        assertThat(body(ds, XmlWriteOptions.builder().writeFullEndElement(true).build()))
                .contains("keyword=\"ReferencedStudySequence\"></DicomAttribute>")
                .contains("<Item number=\"1\"></Item>");
    }

    @Test
    @DisplayName("text is escaped; characters XML 1.0 cannot carry become U+FFFD; CR survives parsing")
    void escaping() {
        String b = body(one(Tag.ImageComments, VR.LT, "a<b>&\"c\" \r\n\t\u0001\uD800"), XmlWriteOptions.defaults());
        assertThat(b).contains("<Value number=\"1\">a&lt;b&gt;&amp;\"c\" &#13;\n\t\uFFFD\uFFFD</Value>");
        DataSet p = new DataSet();
        p.setString("A\"<&", 0x00090001, VR.LO, "v");
        assertThat(body(p, XmlWriteOptions.defaults())).contains("privateCreator=\"A&quot;&lt;&amp;\"");
    }

    @Test
    @DisplayName("ignoreAllData writes every attribute with tag, vr and keyword only")
    void ignoreAllData() {
        String b = body(TestDataSets.everyVr(), XmlWriteOptions.builder().ignoreAllData(true).inlineBinary(true).build());
        assertThat(b).doesNotContain("<Value").doesNotContain("<Item").doesNotContain("<PersonName")
                .doesNotContain("InlineBinary").doesNotContain("BulkData")
                .contains("<DicomAttribute tag=\"00081140\" vr=\"SQ\" keyword=\"ReferencedImageSequence\"/>");
    }

    @Test
    @DisplayName("ignoreBinaryData drops binary values only; ignorePixelData the pixel data attributes only")
    void ignoreBinaryAndPixel() {
        DataSet ds = TestDataSets.everyVr();
        String bin = body(ds, XmlWriteOptions.builder().ignoreBinaryData(true).bulkDataUuid(true).build());
        assertThat(bin).doesNotContain("InlineBinary").doesNotContain("BulkData")
                .contains("<DicomAttribute tag=\"7FE00010\" vr=\"OW\" keyword=\"PixelData\"/>")
                .contains("keyword=\"Rows\"><Value number=\"1\">512</Value>");
        String pix = body(ds, XmlWriteOptions.builder().ignorePixelData(true).build());
        assertThat(pix).contains("<DicomAttribute tag=\"7FE00010\" vr=\"OW\" keyword=\"PixelData\"/>")
                .contains("<DicomAttribute tag=\"7FE00008\" vr=\"OF\" keyword=\"FloatPixelData\"/>")
                .contains("<DicomAttribute tag=\"7FE00009\" vr=\"OD\" keyword=\"DoubleFloatPixelData\"/>")
                .contains("keyword=\"RedPaletteColorLookupTableData\"><InlineBinary>AQACAA==</InlineBinary>");
    }

    @Test
    @DisplayName("binary precedence: inline > uri > uuid; UUIDs are deterministic and differ per attribute")
    void binaryPrecedence() {
        DataSet ds = TestDataSets.everyVr();
        assertThat(body(ds, XmlWriteOptions.builder().inlineBinary(true).bulkDataUri(true).bulkDataUuid(true).build()))
                .contains("keyword=\"PixelData\"><InlineBinary>AAABAAIAAwA=</InlineBinary>").doesNotContain("BulkData");
        assertThat(body(ds, XmlWriteOptions.builder().bulkDataUri(true).bulkDataUuid(true).bulkDataUriTemplate("x/{tag}").build()))
                .contains("keyword=\"PixelData\"><BulkData uri=\"x/7FE00010\"/>").doesNotContain("uuid=");
        String uuid = body(ds, XmlWriteOptions.builder().bulkDataUuid(true).build());
        assertThat(uuid).containsPattern("keyword=\"PixelData\"><BulkData uuid=\"[0-9a-f-]{36}\"/>");
        assertThat(uuid).isEqualTo(body(ds, XmlWriteOptions.builder().bulkDataUuid(true).build()));
        assertThat(uuid.split("uuid=\"")).hasSize(9).doesNotHaveDuplicates();
        assertThat(body(ds, XmlWriteOptions.builder().bulkDataUuid(true).writeFullEndElement(true).build()))
                .containsPattern("<BulkData uuid=\"[0-9a-f-]{36}\"></BulkData>");
    }

    @Test
    @DisplayName("a value skipped by a header-only read: BulkData uri by default, error when inline is asked")
    void headerOnly() {
        DataSet ds = TestDataSets.headerOnly();
        assertThat(body(ds, XmlWriteOptions.defaults()))
                .contains("keyword=\"PixelData\"><BulkData uri=\"studies/1.2.3/series/1.2.3.4/instances/1.2.3.4.5/bulkdata/7FE00010\"/>");
        assertThat(body(ds, XmlWriteOptions.builder().bulkDataUuid(true).build()))
                .containsPattern("keyword=\"PixelData\"><BulkData uuid=");
        assertThatThrownBy(() -> NativeXmlWriter.toBytes(ds, XmlWriteOptions.builder().inlineBinary(true).build()))
                .isInstanceOf(DicomCodecException.class).hasMessageContaining("(7FE0,0010)").hasMessageContaining("ct.dcm");
    }

    @Test
    @DisplayName("trimWhiteSpace strips text values and name components")
    void trim() {
        DataSet ds = new DataSet();
        ds.setString(Tag.PatientID, VR.LO, "  id  ");
        ds.setString(Tag.PatientName, VR.PN, " Doe ^ John ");
        assertThat(body(ds, XmlWriteOptions.defaults())).contains(">  id</Value>").contains("<FamilyName> Doe </FamilyName>");
        assertThat(body(ds, XmlWriteOptions.builder().trimWhiteSpace(true).build())).contains(">id</Value>")
                .contains("<FamilyName>Doe</FamilyName><GivenName>John</GivenName>");
    }

    @Test
    @DisplayName("encapsulated pixel data is inlined as its items; write() equals toBytes()")
    void encapsulatedAndStreaming() {
        DataSet ds = new DataSet();
        ds.set(new Element(Tag.PixelData, VR.OB, new Fragments(List.of(new byte[0], new byte[] {1, 2}))));
        assertThat(body(ds, XmlWriteOptions.defaults())).contains("<InlineBinary>/v8A4AAAAAD+/wDgAgAAAAEC</InlineBinary>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NativeXmlWriter.write(TestDataSets.everyVr(), out, XmlWriteOptions.defaults());
        assertThat(out.toByteArray()).isEqualTo(NativeXmlWriter.toBytes(TestDataSets.everyVr(), XmlWriteOptions.defaults()));
    }

    @Test
    @DisplayName("options: builder round trip and toString")
    void options() {
        XmlWriteOptions o = XmlWriteOptions.builder().bulkDataUuid(true).writeFullEndElement(true).build();
        assertThat(o.toBuilder().build()).isEqualTo(o);
        assertThat(o.toString()).isEqualTo("XmlWriteOptions[bulkDataUuid,writeFullEndElement]");
    }
}
