package org.dicommeta.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which formats to render, each with its options. At least one format is named.
 */
public final class MetadataOptions {

    private final Map<MetadataFormat, RenderOptions> byFormat;

    private MetadataOptions(Map<MetadataFormat, RenderOptions> byFormat) {
        if (byFormat.isEmpty()) {
            throw new IllegalArgumentException("MetadataOptions must name at least one format (JSON or XML)");
        }
        this.byFormat = Collections.unmodifiableMap(byFormat);
    }

    public static MetadataOptions json(JsonOptions json) {
        return of(json, null);
    }

    public static MetadataOptions xml(XmlOptions xml) {
        return of(null, xml);
    }

    public static MetadataOptions both(JsonOptions json, XmlOptions xml) {
        return of(java.util.Objects.requireNonNull(json, "json"), java.util.Objects.requireNonNull(xml, "xml"));
    }

    /** Both formats with their default flags. */
    public static MetadataOptions defaults() {
        return both(JsonOptions.defaults(), XmlOptions.defaults());
    }

    /** The given formats; a null argument leaves that format out. */
    public static MetadataOptions of(JsonOptions json, XmlOptions xml) {
        Map<MetadataFormat, RenderOptions> m = new EnumMap<>(MetadataFormat.class);
        if (json != null) {
            m.put(MetadataFormat.JSON, json);
        }
        if (xml != null) {
            m.put(MetadataFormat.XML, xml);
        }
        return new MetadataOptions(m);
    }

    /** The same options for one format, keeping its flags. */
    public static MetadataOptions single(RenderOptions options) {
        return options instanceof JsonOptions j ? json(j) : xml((XmlOptions) options);
    }

    public Set<MetadataFormat> formats() {
        return byFormat.keySet();
    }

    public Optional<RenderOptions> get(MetadataFormat format) {
        return Optional.ofNullable(byFormat.get(format));
    }

    public Optional<JsonOptions> json() {
        return Optional.ofNullable((JsonOptions) byFormat.get(MetadataFormat.JSON));
    }

    public Optional<XmlOptions> xml() {
        return Optional.ofNullable((XmlOptions) byFormat.get(MetadataFormat.XML));
    }

    /** Every requested format's options, in format order. */
    public java.util.Collection<RenderOptions> all() {
        return byFormat.values();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetadataOptions other && byFormat.equals(other.byFormat);
    }

    @Override
    public int hashCode() {
        return byFormat.hashCode();
    }

    @Override
    public String toString() {
        return "MetadataOptions" + byFormat;
    }
}
