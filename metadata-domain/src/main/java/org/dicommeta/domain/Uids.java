package org.dicommeta.domain;

/**
 * Validation of DICOM UIDs (PS3.5 §9.1) before they touch a path, a key or a query.
 *
 * <p>A valid UID is 1 to 64 characters of digits and dots, made of components that are non-empty,
 * and that do not start with 0 unless the component is "0" itself. Whatever passes is safe as a file
 * name on every platform and as a bound value.
 */
public final class Uids {

    /** The maximum length of a UID, PS3.5 §9.1. */
    public static final int MAX_LENGTH = 64;

    private Uids() {
    }

    public static boolean isValid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > MAX_LENGTH) {
            return false;
        }
        int componentStart = 0;
        for (int i = 0; i <= uid.length(); i++) {
            char c = i < uid.length() ? uid.charAt(i) : '.';
            if (c == '.') {
                int len = i - componentStart;
                if (len == 0 || (len > 1 && uid.charAt(componentStart) == '0')) {
                    return false;
                }
                componentStart = i + 1;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code uid} when valid.
     *
     * @param what what the UID is, for the message ("SOP Instance UID")
     * @throws InvalidUidException naming the UID (shortened when very long) and the rule it breaks
     */
    public static String require(String uid, String what) {
        if (!isValid(uid)) {
            throw new InvalidUidException(what, uid);
        }
        return uid;
    }

    /** {@link #require(String, String)} for a SOP Instance UID. */
    public static String requireSopInstanceUid(String uid) {
        return require(uid, "SOP Instance UID");
    }
}
