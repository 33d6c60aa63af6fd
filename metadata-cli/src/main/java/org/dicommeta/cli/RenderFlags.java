package org.dicommeta.cli;

import java.util.EnumSet;
import org.dicommeta.domain.JsonFlag;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.XmlFlag;
import org.dicommeta.domain.XmlOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The rendering flags of the spec as options, shared by import, generate and dump.
 *
 * <p>How they combine with the stored-metadata defaults ({@link JsonOptions#defaults()}: ignore binary
 * data, minified; {@link XmlOptions#defaults()}: ignore binary data): the binary options
 * ({@code --inline-binary}, {@code --bulk-data-uri}, {@code --bulk-data-uuid}, {@code --ignore-*}) replace
 * the default "ignore binary data" when any of them is given; {@code --pretty} replaces the default
 * minified JSON; {@code --trim}, {@code --keyword} and {@code --full-end-element} add to the defaults.
 * With no flag at all the domain defaults are used exactly. Conflicts resolve by the spec's precedence
 * (ignore all &gt; ignore binary &gt; ignore pixel; inline &gt; URI &gt; UUID).
 */
final class RenderFlags {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--inline-binary", description = "Write binary values (OB OD OF OL OV OW UN) base64 inline.")
    boolean inlineBinary;

    @Option(names = "--bulk-data-uri", description = "Replace binary values by a BulkDataURI made from the template.")
    boolean bulkDataUri;

    @Option(names = "--bulk-data-uri-template", paramLabel = "T",
            description = "The BulkDataURI template (implies --bulk-data-uri); placeholders {StudyInstanceUID}, "
                    + "{SeriesInstanceUID}, {SOPInstanceUID}, {tag}. Default: "
                    + RenderOptions.DEFAULT_BULK_DATA_URI_TEMPLATE)
    String bulkDataUriTemplate;

    @Option(names = "--bulk-data-uuid", description = "XML: replace binary values by <BulkData uuid=...> (stable UUIDs).")
    boolean bulkDataUuid;

    @Option(names = "--ignore-pixel-data", description = "Drop the values of Pixel Data (7FE0,0010/0008/0009).")
    boolean ignorePixelData;

    @Option(names = "--ignore-binary-data",
            description = "Drop the values of binary attributes (OB OD OF OL OV OW UN); the default.")
    boolean ignoreBinaryData;

    @Option(names = "--ignore-all-data", description = "Keep every attribute's tag and VR only.")
    boolean ignoreAllData;

    @Option(names = "--trim", description = "Remove leading and trailing spaces of string values.")
    boolean trim;

    @Option(names = "--keyword", description = "JSON: write a \"keyword\" member before \"vr\".")
    boolean keyword;

    @Option(names = "--minify", description = "JSON: no insignificant white space (the default).")
    boolean minify;

    @Option(names = "--pretty", description = "JSON: indented output instead of minified.")
    boolean pretty;

    @Option(names = "--full-end-element", description = "XML: write empty elements as <X></X> instead of <X/>.")
    boolean fullEndElement;

    private boolean anyBinaryFlag() {
        return inlineBinary || bulkDataUri || bulkDataUriTemplate != null || bulkDataUuid || ignorePixelData
                || ignoreBinaryData || ignoreAllData;
    }

    /** The JSON options the flags ask for; the domain defaults when none is given. */
    JsonOptions json() {
        check();
        if (!anyBinaryFlag() && !trim && !keyword && !minify && !pretty) {
            return JsonOptions.defaults();
        }
        EnumSet<JsonFlag> flags = EnumSet.noneOf(JsonFlag.class);
        if (!anyBinaryFlag()) {
            flags.add(JsonFlag.IGNORE_BINARY_DATA);
        }
        addIf(flags, inlineBinary, JsonFlag.INLINE_BINARY);
        addIf(flags, bulkDataUri || bulkDataUriTemplate != null, JsonFlag.BULK_DATA_URI);
        addIf(flags, ignorePixelData, JsonFlag.IGNORE_PIXEL_DATA);
        addIf(flags, ignoreBinaryData, JsonFlag.IGNORE_BINARY_DATA);
        addIf(flags, ignoreAllData, JsonFlag.IGNORE_ALL_DATA);
        addIf(flags, trim, JsonFlag.TRIM_WHITE_SPACE);
        addIf(flags, keyword, JsonFlag.WRITE_KEYWORD);
        addIf(flags, !pretty, JsonFlag.MINIFY);
        return new JsonOptions(flags, template());
    }

    /** The XML options the flags ask for; the domain defaults when none is given. */
    XmlOptions xml() {
        check();
        if (!anyBinaryFlag() && !trim && !fullEndElement) {
            return XmlOptions.defaults();
        }
        EnumSet<XmlFlag> flags = EnumSet.noneOf(XmlFlag.class);
        if (!anyBinaryFlag()) {
            flags.add(XmlFlag.IGNORE_BINARY_DATA);
        }
        addIf(flags, inlineBinary, XmlFlag.INLINE_BINARY);
        addIf(flags, bulkDataUri || bulkDataUriTemplate != null, XmlFlag.BULK_DATA_URI);
        addIf(flags, bulkDataUuid, XmlFlag.BULK_DATA_UUID);
        addIf(flags, ignorePixelData, XmlFlag.IGNORE_PIXEL_DATA);
        addIf(flags, ignoreBinaryData, XmlFlag.IGNORE_BINARY_DATA);
        addIf(flags, ignoreAllData, XmlFlag.IGNORE_ALL_DATA);
        addIf(flags, trim, XmlFlag.TRIM_WHITE_SPACE);
        addIf(flags, fullEndElement, XmlFlag.WRITE_FULL_END_ELEMENT);
        return new XmlOptions(flags, template());
    }

    /**
     * The options for the requested formats. Flags that only one format knows are refused when that
     * format is not requested, so a typo in a script does not silently render something else.
     */
    MetadataOptions metadataOptions(boolean wantJson, boolean wantXml) {
        if (!wantJson && !wantXml) {
            throw usage("Missing format: give --json, --xml or both");
        }
        if (!wantXml && (bulkDataUuid || fullEndElement)) {
            throw usage("--bulk-data-uuid and --full-end-element apply to XML only; add --xml");
        }
        if (!wantJson && (keyword || minify || pretty)) {
            throw usage("--keyword, --minify and --pretty apply to JSON only; add --json");
        }
        return MetadataOptions.of(wantJson ? json() : null, wantXml ? xml() : null);
    }

    private void check() {
        if (minify && pretty) {
            throw usage("--minify and --pretty are mutually exclusive");
        }
        if (bulkDataUriTemplate != null && bulkDataUriTemplate.isBlank()) {
            throw usage("--bulk-data-uri-template must not be blank");
        }
    }

    private String template() {
        return bulkDataUriTemplate != null ? bulkDataUriTemplate : RenderOptions.DEFAULT_BULK_DATA_URI_TEMPLATE;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
    }

    private static <E extends Enum<E>> void addIf(EnumSet<E> set, boolean condition, E flag) {
        if (condition) {
            set.add(flag);
        }
    }
}
