package org.dicommeta.domain;

/**
 * Flags for rendering DICOM JSON (PS3.18 Annex F). What each does to an attribute:
 *
 * <table>
 * <caption>Effect of each flag</caption>
 * <tr><th>flag</th><th>effect</th></tr>
 * <tr><td>{@link #IGNORE_ALL_DATA}</td><td>every attribute keeps its tag and "vr" only: its value
 *     ("Value", "InlineBinary", "BulkDataURI") is dropped; a sequence keeps "vr":"SQ" without items.</td></tr>
 * <tr><td>{@link #IGNORE_BINARY_DATA}</td><td>attributes of VR OB, OD, OF, OL, OV, OW and UN keep tag and
 *     "vr"; their value is dropped.</td></tr>
 * <tr><td>{@link #IGNORE_PIXEL_DATA}</td><td>Pixel Data (7FE0,0010), Float Pixel Data (7FE0,0008) and
 *     Double Float Pixel Data (7FE0,0009) keep tag and "vr"; their value is dropped.</td></tr>
 * <tr><td>{@link #INLINE_BINARY}</td><td>a binary value that is not ignored is written base64 as
 *     "InlineBinary" (PS3.18 §F.2.7).</td></tr>
 * <tr><td>{@link #BULK_DATA_URI}</td><td>a binary value that is not ignored is replaced by a
 *     "BulkDataURI" made from {@link JsonOptions#bulkDataUriTemplate()} (PS3.18 §F.2.6).</td></tr>
 * <tr><td>{@link #TRIM_WHITE_SPACE}</td><td>leading and trailing spaces of each string value are
 *     removed. (The padding to even length is always removed.)</td></tr>
 * <tr><td>{@link #WRITE_KEYWORD}</td><td>a "keyword" member is written before "vr" for attributes of
 *     the PS3.6 dictionary.</td></tr>
 * <tr><td>{@link #MINIFY}</td><td>no insignificant white space; without it the JSON is indented.</td></tr>
 * </table>
 *
 * <p>Conflicts resolve by precedence: ignore all &gt; ignore binary &gt; ignore pixel, and
 * inline &gt; bulk data URI. A binary value that is neither ignored nor sent to a URI is written inline.
 */
public enum JsonFlag {
    INLINE_BINARY,
    BULK_DATA_URI,
    IGNORE_PIXEL_DATA,
    IGNORE_BINARY_DATA,
    IGNORE_ALL_DATA,
    TRIM_WHITE_SPACE,
    WRITE_KEYWORD,
    MINIFY
}
