package org.dicommeta.adapter.filesystem;

import java.nio.file.Path;
import org.dicommeta.domain.StoreLockedException;
import org.dicommeta.ports.MetadataStore;

/**
 * Run in a second JVM by {@link StoreLockTest}: tries to open the store in {@code args[0]} through the
 * public factory. Exit 0: opened (and closed); 3: refused with {@link StoreLockedException}, whose
 * message it prints; 4: anything else.
 */
public final class LockProbe {

    private LockProbe() {
    }

    public static void main(String[] args) {
        try (MetadataStore store = FileStoreProvider.openStore(FileStoreSettings.of(Path.of(args[0])).withFsync(false))) {
            System.out.println("opened " + store.describe());
            System.exit(0);
        } catch (StoreLockedException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            System.exit(4);
        }
    }
}
