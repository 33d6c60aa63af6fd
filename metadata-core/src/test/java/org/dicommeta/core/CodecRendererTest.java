package org.dicommeta.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicommeta.codec.json.JsonWriteOptions;
import org.dicommeta.codec.xml.XmlWriteOptions;
import org.dicommeta.domain.JsonFlag;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.XmlFlag;
import org.dicommeta.domain.XmlOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CodecRendererTest {

    @Test
    @DisplayName("JSON flags map one to one onto the codec's options, after precedence, with the domain's template")
    void jsonMapping() {
        JsonWriteOptions o = CodecRenderer.jsonOptions(JsonOptions.of(JsonFlag.INLINE_BINARY, JsonFlag.BULK_DATA_URI,
                JsonFlag.IGNORE_PIXEL_DATA, JsonFlag.TRIM_WHITE_SPACE, JsonFlag.WRITE_KEYWORD, JsonFlag.MINIFY)
                .withBulkDataUriTemplate("t/{tag}"));
        assertThat(o.inlineBinary()).isTrue();
        assertThat(o.bulkDataUri()).as("inline beats URI").isFalse();
        assertThat(o.ignorePixelData()).isTrue();
        assertThat(o.ignoreBinaryData()).isFalse();
        assertThat(o.ignoreAllData()).isFalse();
        assertThat(o.trimWhiteSpace()).isTrue();
        assertThat(o.writeKeyword()).isTrue();
        assertThat(o.minify()).isTrue();
        assertThat(o.bulkDataUriTemplate()).isEqualTo("t/{tag}");

        JsonWriteOptions all = CodecRenderer.jsonOptions(JsonOptions.of(JsonFlag.IGNORE_ALL_DATA,
                JsonFlag.IGNORE_BINARY_DATA, JsonFlag.IGNORE_PIXEL_DATA, JsonFlag.INLINE_BINARY));
        assertThat(all.ignoreAllData()).isTrue();
        assertThat(all.ignoreBinaryData() || all.ignorePixelData() || all.inlineBinary()).isFalse();
        assertThat(CodecRenderer.jsonOptions(JsonOptions.of()).bulkDataUriTemplate())
                .isEqualTo(JsonOptions.of().bulkDataUriTemplate());
    }

    @Test
    @DisplayName("XML flags map one to one onto the codec's options, after precedence")
    void xmlMapping() {
        XmlWriteOptions o = CodecRenderer.xmlOptions(XmlOptions.of(XmlFlag.BULK_DATA_URI, XmlFlag.BULK_DATA_UUID,
                XmlFlag.IGNORE_PIXEL_DATA, XmlFlag.TRIM_WHITE_SPACE, XmlFlag.WRITE_FULL_END_ELEMENT));
        assertThat(o.bulkDataUri()).isTrue();
        assertThat(o.bulkDataUuid()).as("URI beats UUID").isFalse();
        assertThat(o.inlineBinary()).isFalse();
        assertThat(o.ignorePixelData()).isTrue();
        assertThat(o.trimWhiteSpace()).isTrue();
        assertThat(o.writeFullEndElement()).isTrue();
        XmlWriteOptions binary = CodecRenderer.xmlOptions(XmlOptions.defaults());
        assertThat(binary.ignoreBinaryData()).isTrue();
        assertThat(binary.bulkDataUuid() || binary.bulkDataUri() || binary.inlineBinary()).isFalse();
    }

    @Test
    @DisplayName("a full read is needed exactly when binary values would be written inline")
    void fullReadDecision() {
        assertThat(CodecRenderer.writesBinaryInline(JsonOptions.defaults())).isFalse();
        assertThat(CodecRenderer.writesBinaryInline(JsonOptions.of())).isTrue();
        assertThat(CodecRenderer.writesBinaryInline(JsonOptions.of(JsonFlag.INLINE_BINARY))).isTrue();
        assertThat(CodecRenderer.writesBinaryInline(JsonOptions.of(JsonFlag.BULK_DATA_URI))).isFalse();
        assertThat(CodecRenderer.writesBinaryInline(JsonOptions.of(JsonFlag.IGNORE_PIXEL_DATA))).isTrue();
        assertThat(CodecRenderer.writesBinaryInline(JsonOptions.of(JsonFlag.IGNORE_ALL_DATA, JsonFlag.INLINE_BINARY)))
                .isFalse();
        assertThat(CodecRenderer.writesBinaryInline(XmlOptions.defaults())).isFalse();
        assertThat(CodecRenderer.writesBinaryInline(XmlOptions.of(XmlFlag.BULK_DATA_UUID))).isFalse();
        assertThat(CodecRenderer.writesBinaryInline(XmlOptions.of(XmlFlag.BULK_DATA_UUID, XmlFlag.INLINE_BINARY)))
                .isTrue();
        assertThat(CodecRenderer.writesBinaryInline(XmlOptions.of())).isTrue();
    }
}
