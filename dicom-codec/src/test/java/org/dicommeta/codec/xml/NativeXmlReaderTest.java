package org.dicommeta.codec.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.dicommeta.codec.DataSet;
import org.dicommeta.codec.DicomCodecException;
import org.dicommeta.codec.Tag;
import org.dicommeta.codec.json.TestDataSets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NativeXmlReaderTest {

    private static DataSet read(String xml) {
        return NativeXmlReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("every VR round-trips: data set -> XML -> data set -> identical XML")
    void roundTrip() {
        for (XmlWriteOptions o : new XmlWriteOptions[] {XmlWriteOptions.defaults(),
            XmlWriteOptions.builder().writeFullEndElement(true).build()}) {
            byte[] first = NativeXmlWriter.toBytes(TestDataSets.everyVr(), o);
            DataSet back = NativeXmlReader.read(new ByteArrayInputStream(first));
            assertThat(NativeXmlWriter.toBytes(back, o)).isEqualTo(first);
            assertThat(back.get(Tag.PatientName).text()).isEqualTo("Doe^John^^Dr.^Jr.");
            assertThat(back.get(Tag.AdditionalPatientHistory).text()).isEqualTo("line one\\with backslash\nline two");
        }
    }

    @Test
    @DisplayName("DCMTK-style documents (no namespace, whitespace between elements) are read")
    void dcmtkStyle() {
        DataSet ds = read("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NativeDicomModel xml:space=\"preserve\">\n"
                + "<DicomAttribute tag=\"00080008\" vr=\"CS\" keyword=\"ImageType\">\n<Value number=\"1\">A</Value>\n"
                + "<Value number=\"3\">C</Value>\n</DicomAttribute>\n"
                + "<DicomAttribute tag=\"00100010\" vr=\"PN\" keyword=\"PatientName\">\n<PersonName number=\"1\">\n"
                + "<Alphabetic>\n<FamilyName>Doe</FamilyName>\n<MiddleName>M</MiddleName>\n</Alphabetic>\n"
                + "<Phonetic>\n<GivenName>jon</GivenName>\n</Phonetic>\n</PersonName>\n</DicomAttribute>\n"
                + "<DicomAttribute tag=\"00430010\" vr=\"LO\">\n<Value number=\"1\">GEMS_PARM_01</Value>\n</DicomAttribute>\n"
                + "<DicomAttribute tag=\"0043004A\" vr=\"SS\" privateCreator=\"GEMS_PARM_01\">\n<Value number=\"1\">-1</Value>\n</DicomAttribute>\n"
                + "<DicomAttribute tag=\"00450001\" vr=\"LO\" privateCreator=\"NEW\">\n<Value number=\"1\">x</Value>\n</DicomAttribute>\n"
                + "<DicomAttribute tag=\"00081140\" vr=\"SQ\">\n<Item number=\"1\">\n</Item>\n</DicomAttribute>\n"
                + "<DicomAttribute tag=\"7FE00010\" vr=\"OW\" keyword=\"PixelData\">\n<BulkData uuid=\"68f03bba-effa-01f1-8832-ec71db6cb27c\"/>\n</DicomAttribute>\n"
                + "</NativeDicomModel>\n");
        assertThat(ds.get(Tag.ImageType).text()).isEqualTo("A\\\\C");
        assertThat(ds.get(Tag.PatientName).text()).isEqualTo("Doe^^M==^jon");
        assertThat(ds.get(0x0043104A).ints()).containsExactly(-1);
        assertThat(ds.getString(0x00450010)).as("creator block reserved").isEqualTo("NEW");
        assertThat(ds.getString(0x00451001)).isEqualTo("x");
        assertThat(ds.getSequence(Tag.ReferencedImageSequence)).hasSize(1);
        assertThat(ds.get(Tag.PixelData).bulkData().source()).isEqualTo("urn:uuid:68f03bba-effa-01f1-8832-ec71db6cb27c");
    }

    @Test
    @DisplayName("malformed documents, DTDs and external entities give DicomCodecException")
    void errors() {
        assertThatThrownBy(() -> read("not xml")).isInstanceOf(DicomCodecException.class);
        assertThatThrownBy(() -> read("<Other/>")).isInstanceOf(DicomCodecException.class).hasMessageContaining("NativeDicomModel");
        assertThatThrownBy(() -> read("<NativeDicomModel><DicomAttribute tag=\"0010\" vr=\"LO\"/></NativeDicomModel>"))
                .isInstanceOf(DicomCodecException.class).hasMessageContaining("0010");
        assertThatThrownBy(() -> read("<NativeDicomModel><DicomAttribute tag=\"00100010\" vr=\"ZZ\"/></NativeDicomModel>"))
                .isInstanceOf(DicomCodecException.class).hasMessageContaining("ZZ");
        assertThatThrownBy(() -> read("<NativeDicomModel><DicomAttribute tag=\"00280010\" vr=\"US\"><Value number=\"1\">x</Value>"
                + "</DicomAttribute></NativeDicomModel>")).isInstanceOf(DicomCodecException.class).hasMessageContaining("00280010");
        assertThatThrownBy(() -> read("<NativeDicomModel><DicomAttribute tag=\"00100010\" vr=\"LO\"><Value number=\"0\">x</Value>"
                + "</DicomAttribute></NativeDicomModel>")).isInstanceOf(DicomCodecException.class).hasMessageContaining("number");
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<NativeDicomModel><DicomAttribute tag=\"00100010\" vr=\"LO\"><Value number=\"1\">&e;</Value>"
                + "</DicomAttribute></NativeDicomModel>")).isInstanceOf(DicomCodecException.class);
    }

    @Test
    @DisplayName("the declared encoding is honoured (DCMTK writes ISO-8859-1), a UTF-8 BOM is skipped, bad UTF-8 is an error")
    void encodings() {
        String doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><NativeDicomModel><DicomAttribute tag=\"00100010\" "
                + "vr=\"PN\"><PersonName number=\"1\"><Alphabetic><FamilyName>Müller</FamilyName></Alphabetic></PersonName>"
                + "</DicomAttribute></NativeDicomModel>";
        DataSet latin = NativeXmlReader.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(latin.getString(Tag.PatientName)).isEqualTo("Müller");
        byte[] utf8 = doc.replace("ISO-8859-1", "UTF-8").getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(NativeXmlReader.read(new ByteArrayInputStream(bom)).getString(Tag.PatientName)).isEqualTo("Müller");
        byte[] bad = doc.replace("ISO-8859-1", "UTF-8").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> NativeXmlReader.read(new ByteArrayInputStream(bad))).isInstanceOf(DicomCodecException.class);
        assertThatThrownBy(() -> read("<?xml version=\"1.0\" encoding=\"X-NOPE\"?><NativeDicomModel/>"))
                .isInstanceOf(DicomCodecException.class).hasMessageContaining("X-NOPE");
    }

    @Test
    @DisplayName("items nested deeper than the limit are refused")
    void deepNesting() {
        StringBuilder sb = new StringBuilder("<NativeDicomModel>");
        int levels = NativeXmlReader.MAX_DEPTH + 5;
        for (int i = 0; i < levels; i++) {
            sb.append("<DicomAttribute tag=\"00081140\" vr=\"SQ\"><Item number=\"1\">");
        }
        for (int i = 0; i < levels; i++) {
            sb.append("</Item></DicomAttribute>");
        }
        sb.append("</NativeDicomModel>");
        assertThatThrownBy(() -> read(sb.toString())).isInstanceOf(DicomCodecException.class).hasMessageContaining("deeper");
    }
}
