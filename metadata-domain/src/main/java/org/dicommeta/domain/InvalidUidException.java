package org.dicommeta.domain;

/** A UID breaks PS3.5 §9.1 (digits and dots, no empty or zero-led component, at most 64 characters). */
public class InvalidUidException extends MetadataException {

    private final String uid;

    public InvalidUidException(String what, String uid) {
        super("Invalid " + what + " '" + shorten(uid) + "': a UID is 1 to 64 digits and dots, PS3.5 §9.1");
        this.uid = uid;
    }

    public String uid() {
        return uid;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        String printable = s.codePoints().limit(80)
                .map(c -> c < 0x20 || c == 0x7f ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() > 80 ? printable + "..." : printable;
    }
}
