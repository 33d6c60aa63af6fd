package org.dicommeta.domain;

/**
 * The two metadata formats an instance may have one record of each.
 */
public enum MetadataFormat {
    /** DICOM JSON Model, PS3.18 Annex F. Stored as UTF-8 bytes. */
    JSON("application/dicom+json", "json"),
    /** Native DICOM Model, PS3.19 Annex A.1. Stored as UTF-8 bytes. */
    XML("application/dicom+xml", "xml");

    private final String mediaType;
    private final String extension;

    MetadataFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type of PS3.18 §8.7.3 for this format. */
    public String mediaType() {
        return mediaType;
    }

    /** A file name extension without the dot ("json", "xml"). */
    public String extension() {
        return extension;
    }
}
