package org.dicommeta.codec.dict;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicommeta.codec.Tag;
import org.dicommeta.codec.VR;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {

    @Test
    @DisplayName("standard tags give keyword, VR, VM and retired status")
    void standardTags() {
        DictionaryEntry e = ElementDictionary.lookup(Tag.PatientName);
        assertThat(e.keyword()).isEqualTo("PatientName");
        assertThat(e.vr()).isEqualTo(VR.PN);
        assertThat(e.vm()).isEqualTo("1");
        assertThat(e.retired()).isFalse();
        assertThat(ElementDictionary.lookup(Tag.ImageType).vm()).isEqualTo("2-n");
        assertThat(ElementDictionary.lookup(0x00080040).retired()).isTrue();
        assertThat(ElementDictionary.keywordOf(0x00080040)).isEqualTo("DataSetType");
        assertThat(ElementDictionary.vrOf(Tag.ReferencedImageSequence)).isEqualTo(VR.SQ);
        assertThat(ElementDictionary.size()).isGreaterThan(4500);
    }

    @Test
    @DisplayName("keywords map back to tags")
    void keywords() {
        assertThat(ElementDictionary.tagOf("StudyInstanceUID")).isEqualTo(0x0020000D);
        assertThat(ElementDictionary.tagOf("OverlayData")).isEqualTo(0x60003000);
        assertThat(ElementDictionary.tagOf("NoSuchKeyword")).isEqualTo(-1);
        assertThat(ElementDictionary.lookup("PixelData").vrs()).containsExactly(VR.OW, VR.OB);
    }

    @Test
    @DisplayName("repeating groups 50xx, 60xx, 7Fxx and the (0020,31xx) range resolve; odd groups don't")
    void repeatingGroups() {
        assertThat(ElementDictionary.keywordOf(0x60223000)).isEqualTo("OverlayData");
        assertThat(ElementDictionary.vrOf(0x60220010)).isEqualTo(VR.US);
        assertThat(ElementDictionary.keywordOf(0x50100005)).isEqualTo("CurveDimensions");
        assertThat(ElementDictionary.lookup(0x7F020010).retired()).isTrue();
        assertThat(ElementDictionary.keywordOf(0x00203105)).isEqualTo("SourceImageIDs");
        assertThat(ElementDictionary.lookup(0x60233000)).isNull();
    }

    @Test
    @DisplayName("ambiguous VRs list every choice with the implicit default first")
    void ambiguous() {
        assertThat(ElementDictionary.lookup(Tag.SmallestImagePixelValue).vrs()).containsExactly(VR.US, VR.SS);
        assertThat(ElementDictionary.lookup(Tag.SmallestImagePixelValue).isAmbiguous()).isTrue();
        assertThat(ElementDictionary.vrOf(Tag.PixelData)).isEqualTo(VR.OW);
        assertThat(ElementDictionary.lookup(Tag.Item).vrs()).isEmpty();
        assertThat(ElementDictionary.lookup(Tag.Item).vr()).isEqualTo(VR.UN);
    }

    @Test
    @DisplayName("group lengths are UL, private creators LO, unknown private elements UN")
    void rules() {
        assertThat(ElementDictionary.vrOf(0x00280000)).isEqualTo(VR.UL);
        assertThat(ElementDictionary.vrOf(0x00090000)).isEqualTo(VR.UL);
        assertThat(ElementDictionary.vrOf(0x00290010)).isEqualTo(VR.LO);
        assertThat(ElementDictionary.vrOf(0x002900FF)).isEqualTo(VR.LO);
        assertThat(ElementDictionary.vrOf(0x00291010)).isEqualTo(VR.UN);
        assertThat(ElementDictionary.keywordOf(0x00291010)).isNull();
        assertThat(ElementDictionary.vrOf(0x0008FFF0)).isEqualTo(VR.UN);
    }

    @Test
    @DisplayName("vendor private elements resolve by creator and element byte, in any block")
    void privateDictionary() {
        assertThat(ElementDictionary.vrOf("SIEMENS CSA HEADER", 0x00291008)).isEqualTo(VR.CS);
        assertThat(ElementDictionary.vrOf("SIEMENS CSA HEADER", 0x00291108)).isEqualTo(VR.CS);
        assertThat(ElementDictionary.lookup("DLX_ANNOT_01", 0x70111004).keyword()).isEqualTo("TextAnnotation");
        assertThat(ElementDictionary.vrOf("NOBODY", 0x00291008)).isEqualTo(VR.UN);
        assertThat(ElementDictionary.vrOf(null, Tag.PatientID)).isEqualTo(VR.LO);
    }
}
