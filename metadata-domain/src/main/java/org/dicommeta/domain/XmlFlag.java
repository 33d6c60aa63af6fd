package org.dicommeta.domain;

/**
 * Flags for rendering the Native DICOM Model (PS3.19 Annex A.1), which is always the XML produced.
 *
 * <table>
 * <caption>Effect of each flag</caption>
 * <tr><th>flag</th><th>effect</th></tr>
 * <tr><td>{@link #IGNORE_ALL_DATA}</td><td>every DicomAttribute keeps tag, vr (and keyword,
 *     privateCreator) only: its Value, PersonName, Item, BulkData and InlineBinary children are dropped.</td></tr>
 * <tr><td>{@link #IGNORE_BINARY_DATA}</td><td>attributes of VR OB, OD, OF, OL, OV, OW and UN keep their
 *     DicomAttribute element; their value is dropped.</td></tr>
 * <tr><td>{@link #IGNORE_PIXEL_DATA}</td><td>Pixel Data (7FE0,0010), Float Pixel Data (7FE0,0008) and
 *     Double Float Pixel Data (7FE0,0009) keep their DicomAttribute element; value dropped.</td></tr>
 * <tr><td>{@link #INLINE_BINARY}</td><td>a binary value that is not ignored is written base64 as
 *     InlineBinary.</td></tr>
 * <tr><td>{@link #BULK_DATA_URI}</td><td>a binary value that is not ignored is replaced by
 *     {@code <BulkData uri="..."/>} made from {@link XmlOptions#bulkDataUriTemplate()}.</td></tr>
 * <tr><td>{@link #BULK_DATA_UUID}</td><td>a binary value that is not ignored is replaced by
 *     {@code <BulkData uuid="..."/>}, a name-based UUID of the SOP Instance UID and the attribute's path,
 *     so reruns are byte-identical.</td></tr>
 * <tr><td>{@link #TRIM_WHITE_SPACE}</td><td>leading and trailing spaces of each string value are removed.</td></tr>
 * <tr><td>{@link #WRITE_FULL_END_ELEMENT}</td><td>empty elements are written {@code <X></X>} instead of
 *     {@code <X/>}.</td></tr>
 * </table>
 *
 * <p>Conflicts resolve by precedence: ignore all &gt; ignore binary &gt; ignore pixel, and
 * inline &gt; bulk data URI &gt; bulk data UUID. A binary value that is neither ignored nor referenced
 * is written inline.
 */
public enum XmlFlag {
    INLINE_BINARY,
    BULK_DATA_URI,
    BULK_DATA_UUID,
    IGNORE_PIXEL_DATA,
    IGNORE_BINARY_DATA,
    IGNORE_ALL_DATA,
    TRIM_WHITE_SPACE,
    WRITE_FULL_END_ELEMENT
}
