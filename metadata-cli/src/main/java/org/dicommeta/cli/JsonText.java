package org.dicommeta.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** A flat JSON object for {@code --output json}: string, number and boolean members, in insertion order. */
final class JsonText {

    private final Map<String, Object> members = new LinkedHashMap<>();

    JsonText put(String name, Object value) {
        members.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        members.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, k).append(':');
            if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else if (v == null) {
                sb.append("null");
            } else {
                quote(sb, v.toString());
            }
        });
        return sb.append('}').toString();
    }

    /** Appends {@code s} as a JSON string (RFC 8259 §7). */
    static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
