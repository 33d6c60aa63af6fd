package org.dicommeta.adapter.filesystem;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dicommeta.domain.BackendException;

/**
 * The {@code key=value} line format of instance files and record headers. Values escape {@code %} and
 * every control character as {@code %XX}, so a value (a source path, a flags string) can never break a
 * line or end a header early. Chosen over {@link java.util.Properties} because that writes a timestamp
 * comment and its escapes are not byte-stable across writers.
 */
final class PropertyLines {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PropertyLines() {
    }

    /** Appends {@code key=value\n}; a null value writes nothing, so "absent" and "null" are one thing. */
    static void append(StringBuilder out, String key, String value) {
        if (value == null) {
            return;
        }
        out.append(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c < 0x20 || c == 0x7f) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        out.append('\n');
    }

    /**
     * Parses the lines of {@code text} (blank lines and {@code #} comments are skipped).
     *
     * @throws BackendException naming {@code file} when a line has no {@code =}, a key repeats or an
     *                          escape is malformed
     */
    static Map<String, String> parse(String text, Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue; // a comment: only the marker file writes one, for people who find the directory
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new BackendException("Corrupt store file " + file + ": line without key=value: '"
                        + shorten(line) + "'");
            }
            String key = line.substring(0, eq);
            if (out.put(key, unescape(line.substring(eq + 1), file)) != null) {
                throw new BackendException("Corrupt store file " + file + ": key '" + shorten(key) + "' repeats");
            }
        }
        return out;
    }

    private static String unescape(String value, Path file) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
            if (lo < 0) {
                throw new BackendException("Corrupt store file " + file + ": malformed escape in '"
                        + shorten(value) + "'");
            }
            out.append((char) (hi << 4 | lo));
            i += 2;
        }
        return out.toString();
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
