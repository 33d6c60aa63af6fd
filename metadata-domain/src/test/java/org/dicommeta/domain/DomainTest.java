package org.dicommeta.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "0", "1.0.3", "2.25.329800735698586629295641978511506172918"})
    @DisplayName("valid UIDs pass PS3.5 §9.1 validation")
    void validUids(String uid) {
        assertThat(Uids.isValid(uid)).isTrue();
        assertThat(Uids.requireSopInstanceUid(uid)).isEqualTo(uid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "1..2", "1.02", "1.2.", "../etc/passwd", "1.2/3", "1.2 ", "a.b",
            "1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24.25.26.27.28.29.30.31.32.33"})
    @DisplayName("invalid UIDs, path tricks included, are refused with a typed error naming them")
    void invalidUids(String uid) {
        assertThat(Uids.isValid(uid)).isFalse();
        assertThatThrownBy(() -> Uids.requireSopInstanceUid(uid))
                .isInstanceOf(InvalidUidException.class)
                .hasMessageContaining("SOP Instance UID");
    }

    @Test
    @DisplayName("passwords are masked in user-info and parameter forms")
    void masksPasswords() {
        assertThat(Secrets.mask("mongodb://alice:s3cr3t@db.example:27017/x"))
                .isEqualTo("mongodb://alice:****@db.example:27017/x");
        assertThat(Secrets.mask("jdbc:postgresql://h/db?user=bob&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=bob&password=****&ssl=true");
        assertThat(Secrets.mask("file:/tmp/store")).isEqualTo("file:/tmp/store");
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    @DisplayName("flag precedence: ignore all > ignore binary > ignore pixel, inline > URI > UUID")
    void precedence() {
        assertThat(JsonOptions.of(JsonFlag.IGNORE_ALL_DATA, JsonFlag.IGNORE_BINARY_DATA, JsonFlag.INLINE_BINARY)
                .effectiveFlags()).containsExactly(JsonFlag.IGNORE_ALL_DATA);
        assertThat(JsonOptions.of(JsonFlag.IGNORE_PIXEL_DATA, JsonFlag.INLINE_BINARY, JsonFlag.BULK_DATA_URI)
                .effectiveFlags()).containsExactly(JsonFlag.INLINE_BINARY, JsonFlag.IGNORE_PIXEL_DATA);
        assertThat(XmlOptions.of(XmlFlag.BULK_DATA_URI, XmlFlag.BULK_DATA_UUID).effectiveFlags())
                .containsExactly(XmlFlag.BULK_DATA_URI);
        assertThat(XmlOptions.of(XmlFlag.IGNORE_BINARY_DATA, XmlFlag.IGNORE_PIXEL_DATA, XmlFlag.BULK_DATA_UUID)
                .effectiveFlags()).containsExactly(XmlFlag.IGNORE_BINARY_DATA);
    }

    @Test
    @DisplayName("canonical flags name the effective flags and the URI template only when URIs are in effect")
    void canonicalFlags() {
        assertThat(JsonOptions.defaults().canonicalFlags()).isEqualTo("IGNORE_BINARY_DATA,MINIFY");
        assertThat(JsonOptions.of(JsonFlag.BULK_DATA_URI).withBulkDataUriTemplate("x/{tag}").canonicalFlags())
                .isEqualTo("BULK_DATA_URI;uri=x/{tag}");
        assertThat(JsonOptions.of(JsonFlag.IGNORE_ALL_DATA, JsonFlag.BULK_DATA_URI).canonicalFlags())
                .isEqualTo("IGNORE_ALL_DATA");
        assertThat(new JsonOptions(Set.of(JsonFlag.MINIFY, JsonFlag.IGNORE_BINARY_DATA),
                RenderOptions.DEFAULT_BULK_DATA_URI_TEMPLATE)).isEqualTo(JsonOptions.defaults());
    }

    @Test
    @DisplayName("scopes parse in any case and name the accepted values otherwise")
    void scopes() {
        assertThat(MetadataScope.parse("Missing")).isEqualTo(MetadataScope.MISSING);
        assertThat(MetadataScope.parse(" all ")).isEqualTo(MetadataScope.ALL);
        assertThatThrownBy(() -> MetadataScope.parse("some")).hasMessageContaining("all, existing, missing");
    }

    @Test
    @DisplayName("metadata options name at least one format")
    void optionsNeedAFormat() {
        assertThatThrownBy(() -> MetadataOptions.of(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MetadataOptions.defaults().formats()).containsExactly(MetadataFormat.JSON, MetadataFormat.XML);
    }

    @Test
    @DisplayName("invalid DICOM errors name the masked source and the offset")
    void invalidDicomMessage() {
        var e = new InvalidDicomException("http://u:pw@h/x.dcm", 132, "bad tag", null);
        assertThat(e).hasMessage("Invalid DICOM in http://u:****@h/x.dcm at byte offset 132: bad tag");
    }
}
