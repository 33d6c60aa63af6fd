package org.dicommeta.domain;

/**
 * How one format is rendered: the format, its flags, and the bulk data URI template.
 * Two options render byte-identical output exactly when their {@link #canonicalFlags()} are equal,
 * which is why that string is what a record's provenance keeps.
 */
public sealed interface RenderOptions permits JsonOptions, XmlOptions {

    /** Placeholders a bulk data URI template may use; {@code {tag}} is the attribute's path. */
    String DEFAULT_BULK_DATA_URI_TEMPLATE =
            "studies/{StudyInstanceUID}/series/{SeriesInstanceUID}/instances/{SOPInstanceUID}/bulk/{tag}";

    MetadataFormat format();

    /** The template for bulk data URIs, used only when the effective flags ask for URIs. */
    String bulkDataUriTemplate();

    /**
     * The effective flags after precedence, in declaration order, comma-separated, followed by
     * {@code ;uri=<template>} when bulk data URIs are in effect. Stable across releases.
     */
    String canonicalFlags();
}
