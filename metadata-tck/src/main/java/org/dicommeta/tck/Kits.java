package org.dicommeta.tck;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/** The fixtures of running tests, keyed by test instance identity (an interface has no fields). */
final class Kits {

    private static final Map<Object, Kit> OPEN = Collections.synchronizedMap(new IdentityHashMap<>());

    private Kits() {
    }

    static Kit kitFor(StoreUnderTest test) {
        synchronized (OPEN) {
            Kit kit = OPEN.get(test);
            if (kit == null) {
                kit = Kit.open(test.openEmptyStore());
                OPEN.put(test, kit);
            }
            return kit;
        }
    }

    static void closeFor(Object test) {
        Kit kit = OPEN.remove(test);
        if (kit != null) {
            kit.close();
        }
    }
}
