package org.dicommeta.codec.json;

/**
 * DS and IS text (PS3.5 §6.2: a decimal or integer number with optional leading and trailing
 * spaces) as a JSON number (RFC 8259 §6) of exactly the same decimal value.
 */
final class JsonNumbers {

    private JsonNumbers() {
    }

    /**
     * The JSON number text for a DS or IS value, or null when the text is not a valid number of
     * that VR (then the writer keeps it as a string). Nothing is rounded: only a leading '+', leading
     * zeros of the integer part and a bare trailing '.' are changed, and ".5" becomes "0.5".
     */
    static String fromDecimalString(String text, boolean integer) {
        String s = text.strip();
        int n = s.length();
        int i = 0;
        if (n == 0) {
            return null;
        }
        boolean negative = false;
        char c = s.charAt(0);
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
        }
        int intStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int intEnd = i;
        int fracStart = -1;
        int fracEnd = -1;
        if (i < n && s.charAt(i) == '.' && !integer) {
            i++;
            fracStart = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            fracEnd = i;
        }
        boolean hasInt = intEnd > intStart;
        boolean hasFrac = fracStart >= 0 && fracEnd > fracStart;
        if (!hasInt && !hasFrac) {
            return null;
        }
        int expStart = -1;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E') && !integer) {
            expStart = i;
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digits = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return null;
            }
        }
        if (i != n) {
            return null;
        }
        StringBuilder sb = new StringBuilder(n + 1);
        if (negative) {
            sb.append('-');
        }
        int k = intStart;
        while (k < intEnd - 1 && s.charAt(k) == '0') {
            k++;
        }
        if (hasInt) {
            sb.append(s, k, intEnd);
        } else {
            sb.append('0');
        }
        if (hasFrac) {
            sb.append('.').append(s, fracStart, fracEnd);
        }
        if (expStart >= 0) {
            sb.append(s, expStart, n);
        }
        return sb.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
