package org.dicommeta.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelBasicsTest {

    @Test
    @DisplayName("VR has the 34 codes of PS3.5 Table 6.2-1 with the binary set of PS3.18")
    void vrFacts() {
        assertThat(VR.values()).hasSize(34);
        for (VR vr : VR.values()) {
            assertThat(VR.of(vr.name())).isSameAs(vr);
            assertThat(VR.ofCode(vr.code())).isSameAs(vr);
        }
        assertThat(java.util.Arrays.stream(VR.values()).filter(VR::isBinary))
                .containsExactlyInAnyOrder(VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.UN);
        assertThat(java.util.Arrays.stream(VR.values()).filter(VR::hasLongLength))
                .containsExactlyInAnyOrder(VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.SQ, VR.SV,
                        VR.UC, VR.UN, VR.UR, VR.UT, VR.UV);
        assertThat(VR.PN.isString()).isTrue();
        assertThat(VR.US.isString()).isFalse();
        assertThat(VR.UI.paddingByte()).isZero();
        assertThat(VR.LO.paddingByte()).isEqualTo(' ');
        assertThatThrownBy(() -> VR.of("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VR.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(VR.ofCode(0x5858)).isNull();
    }

    @Test
    @DisplayName("Tag formats and parses (gggg,eeee) and knows private and creator tags")
    void tags() {
        assertThat(Tag.SOPInstanceUID).isEqualTo(0x00080018);
        assertThat(Tag.StudyInstanceUID).isEqualTo(0x0020000D);
        assertThat(Tag.OverlayData).isEqualTo(0x60003000);
        assertThat(Tag.toString(Tag.PixelData)).isEqualTo("(7FE0,0010)");
        assertThat(Tag.toHexString(Tag.StudyInstanceUID)).isEqualTo("0020000D");
        assertThat(Tag.parse("(0020,000d)")).isEqualTo(0x0020000D);
        assertThat(Tag.parse("FFFEE000")).isEqualTo(0xFFFEE000);
        assertThatThrownBy(() -> Tag.parse("0020")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Tag.isPrivate(0x00091010)).isTrue();
        assertThat(Tag.isPrivate(0x00070010)).isFalse();
        assertThat(Tag.isPrivateCreator(0x00090010)).isTrue();
        assertThat(Tag.isPrivateCreator(0x00091010)).isFalse();
    }

    @Test
    @DisplayName("UID constants and names come from PS3.6 Table A-1")
    void uids() {
        assertThat(UID.ExplicitVRLittleEndian).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(UID.ImplicitVRLittleEndian).isEqualTo("1.2.840.10008.1.2");
        assertThat(UID.CTImageStorage).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(UID.nameOf(UID.MRImageStorage)).isEqualTo("MR Image Storage");
        assertThat(UID.typeOf(UID.DeflatedExplicitVRLittleEndian)).isEqualTo("Transfer Syntax");
        assertThat(UID.isRetired(UID.ExplicitVRBigEndian)).isTrue();
        assertThat(UID.keywordOf("1.2.840.10008.5.1.4.1.1.2")).isEqualTo("CTImageStorage");
        assertThat(UID.nameOf("1.2.3.4")).isNull();
        assertThat(UID.nameOf(null)).isNull();
    }

    @Test
    @DisplayName("InvalidDicomException names the source and the byte offset")
    void exceptions() {
        InvalidDicomException e = new InvalidDicomException("a.dcm", 132, "bad VR");
        assertThat(e).isInstanceOf(DicomCodecException.class).isInstanceOf(RuntimeException.class);
        assertThat(e.getMessage()).contains("a.dcm").contains("132").contains("bad VR");
        assertThat(e.offset()).isEqualTo(132);
        assertThat(e.source()).isEqualTo("a.dcm");
        assertThat(new InvalidDicomException(null, -1, "x").source()).isEqualTo("stream");
        assertThat(CodecVersion.VERSION).startsWith("dicom-codec/");
        assertThat(CodecVersion.IMPLEMENTATION_VERSION_NAME.length()).isLessThanOrEqualTo(16);
    }
}
