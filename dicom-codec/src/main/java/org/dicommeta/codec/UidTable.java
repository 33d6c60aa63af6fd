package org.dicommeta.codec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Loads PS3.6 Table A-1 from the generated resource {@code uids.tsv} on first use. */
final class UidTable {

    private static final String RESOURCE = "uids.tsv";

    private UidTable() {
    }

    private static final class Holder {
        static final Map<String, String[]> BY_UID = load();
    }

    private static Map<String, String[]> load() {
        Map<String, String[]> map = new HashMap<>(1024);
        try (InputStream in = UidTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE + " beside " + UidTable.class.getName());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                // uid, keyword, type, retired, name
                String[] f = line.split("\t", -1);
                map.put(f[0], f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return map;
    }

    private static String field(String uid, int index) {
        String[] f = uid == null ? null : Holder.BY_UID.get(uid);
        return f == null || f[index].isEmpty() ? null : f[index];
    }

    static String nameOf(String uid) {
        return field(uid, 4);
    }

    static String keywordOf(String uid) {
        return field(uid, 1);
    }

    static String typeOf(String uid) {
        return field(uid, 2);
    }

    static boolean isRetired(String uid) {
        return "R".equals(field(uid, 3));
    }
}
