package org.dicommeta.codec.json;

import org.dicommeta.codec.DataSet;

/**
 * Expands a BulkDataURI template (see {@link JsonWriteOptions}): {@code {StudyInstanceUID}},
 * {@code {SeriesInstanceUID}}, {@code {SOPInstanceUID}} from the top-level data set and
 * {@code {tag}}, the attribute path as 8-hex-digit tags and item indexes joined by '/'.
 *
 * <p>Public only so the XML writer in the sibling package shares it; not part of the API.
 */
public final class BulkDataUris {

    private static final int STUDY = 0x0020000D;
    private static final int SERIES = 0x0020000E;
    private static final int SOP_INSTANCE = 0x00080018;

    private BulkDataUris() {
    }

    /**
     * Splits the template once per data set: the returned array alternates literal text and
     * placeholder results, with {@code null} where the path goes.
     */
    public static String[] prepare(String template, DataSet top) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i);
                if (close > 0) {
                    String name = template.substring(i + 1, close);
                    String value = null;
                    boolean known = true;
                    switch (name) {
                        case "StudyInstanceUID": value = uid(top, STUDY); break;
                        case "SeriesInstanceUID": value = uid(top, SERIES); break;
                        case "SOPInstanceUID": value = uid(top, SOP_INSTANCE); break;
                        case "tag": break;
                        default: known = false;
                    }
                    if (known) {
                        if (value == null) {
                            parts.add(literal.toString());
                            parts.add(null);
                            literal.setLength(0);
                        } else {
                            literal.append(value);
                        }
                        i = close + 1;
                        continue;
                    }
                }
            }
            literal.append(c);
            i++;
        }
        parts.add(literal.toString());
        return parts.toArray(new String[0]);
    }

    private static String uid(DataSet top, int tag) {
        String v = top == null ? null : top.getString(tag);
        return v == null ? "" : v.strip();
    }

    /** The URI for the attribute at {@code path[0..depth)} (tags at even, item indexes at odd positions). */
    public static String expand(String[] parts, int[] path, int depth) {
        StringBuilder sb = new StringBuilder(64);
        for (String p : parts) {
            if (p != null) {
                sb.append(p);
            } else {
                appendPath(sb, path, depth);
            }
        }
        return sb.toString();
    }

    /** Appends "7FE00010" or "00540016/0/00181072" for the path. */
    public static void appendPath(StringBuilder sb, int[] path, int depth) {
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                sb.append('/');
            }
            if ((i & 1) == 0) {
                String h = Integer.toHexString(path[i]).toUpperCase(java.util.Locale.ROOT);
                for (int k = h.length(); k < 8; k++) {
                    sb.append('0');
                }
                sb.append(h);
            } else {
                sb.append(path[i]);
            }
        }
    }
}
