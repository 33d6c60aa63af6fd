package org.dicommeta.tck;

import java.util.Set;
import org.dicommeta.ports.MetadataStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * What an adapter's test supplies to run the kit, and the per-test fixture the kit's default methods
 * share. Implement {@link #openEmptyStore()}; declare optional {@link #capabilities()}.
 *
 * <p>Lifecycle: JUnit's default per-method lifecycle. The first call of {@link #kit()} in a test opens
 * one store with {@link #openEmptyStore()} and wraps it in an agent; {@link #closeKit()} (an
 * {@code @AfterEach}) closes the agent, then the store, and deletes the test's temporary files.
 * Tests may run in parallel: each test instance has its own kit.
 */
public interface StoreUnderTest {

    /**
     * A new, open, empty store: each call returns one that shares no instance or record with any other
     * store returned before (a fresh temporary directory, database schema or collection prefix).
     * The kit closes it.
     */
    MetadataStore openEmptyStore();

    /** The optional capabilities this store has; none by default. */
    default Set<StoreCapability> capabilities() {
        return Set.of();
    }

    /** This test's fixture, opened on first use. */
    default Kit kit() {
        return Kits.kitFor(this);
    }

    /** Closes this test's fixture, if one was opened. */
    @AfterEach
    default void closeKit() {
        Kits.closeFor(this);
    }

    /** Skips the calling test, printing why, unless the store declares {@code capability}. */
    default void assumeCapability(StoreCapability capability) {
        Assumptions.assumeTrue(capabilities().contains(capability),
                () -> "skipped: the store under test does not declare " + capability
                        + " (see StoreCapability." + capability.name() + ")");
    }
}
