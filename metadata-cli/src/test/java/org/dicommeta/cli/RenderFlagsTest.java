package org.dicommeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.dicommeta.domain.JsonFlag;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.XmlFlag;
import org.dicommeta.domain.XmlOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class RenderFlagsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        RenderFlags flags;
    }

    private static RenderFlags parse(String... args) {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        return p.flags;
    }

    @Test
    @DisplayName("without flags the domain defaults are used exactly")
    void defaults() {
        MetadataOptions o = parse().metadataOptions(true, true);
        assertThat(o.json()).contains(JsonOptions.defaults());
        assertThat(o.xml()).contains(XmlOptions.defaults());
    }

    @Test
    @DisplayName("additive flags keep the default binary handling and minified JSON")
    void additive() {
        RenderFlags f = parse("--keyword", "--trim");
        assertThat(f.json().flags()).containsExactlyInAnyOrder(JsonFlag.IGNORE_BINARY_DATA, JsonFlag.MINIFY,
                JsonFlag.WRITE_KEYWORD, JsonFlag.TRIM_WHITE_SPACE);
        assertThat(parse("--full-end-element").xml().flags())
                .containsExactlyInAnyOrder(XmlFlag.IGNORE_BINARY_DATA, XmlFlag.WRITE_FULL_END_ELEMENT);
    }

    @Test
    @DisplayName("a binary flag replaces the default ignore-binary; --pretty drops minify")
    void binaryFlagsReplaceDefault() {
        assertThat(parse("--inline-binary").json().flags()).isEqualTo(Set.of(JsonFlag.INLINE_BINARY, JsonFlag.MINIFY));
        assertThat(parse("--ignore-pixel-data", "--pretty").json().flags()).isEqualTo(Set.of(JsonFlag.IGNORE_PIXEL_DATA));
        assertThat(parse("--bulk-data-uuid").xml().flags()).isEqualTo(Set.of(XmlFlag.BULK_DATA_UUID));
    }

    @Test
    @DisplayName("a URI template implies bulk data URIs and is kept in the canonical flags")
    void template() {
        JsonOptions j = parse("--bulk-data-uri-template", "http://pacs/{SOPInstanceUID}/{tag}").json();
        assertThat(j.flags()).contains(JsonFlag.BULK_DATA_URI);
        assertThat(j.canonicalFlags()).endsWith(";uri=http://pacs/{SOPInstanceUID}/{tag}");
    }

    @Test
    @DisplayName("precedence is the spec's: ignore all wins over ignore binary and inline")
    void precedence() {
        assertThat(parse("--ignore-all-data", "--ignore-binary-data", "--inline-binary").json().effectiveFlags())
                .isEqualTo(Set.of(JsonFlag.IGNORE_ALL_DATA, JsonFlag.MINIFY));
    }
}
