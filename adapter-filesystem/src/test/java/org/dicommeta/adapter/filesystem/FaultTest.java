package org.dicommeta.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dicommeta.adapter.filesystem.Fixtures.instance;
import static org.dicommeta.adapter.filesystem.Fixtures.uid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.ports.RecordWrite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories that cannot hold a store, and a real full disk. */
class FaultTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a store path under a regular file (unwritable even for root) fails naming the path")
    void parentIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path root = file.resolve("store");
        assertThatThrownBy(() -> Fixtures.open(root)).isInstanceOf(BackendException.class)
                .hasMessageContaining(root.toString());
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    @DisplayName("a store path that is a regular file fails naming the path")
    void rootIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        assertThatThrownBy(() -> Fixtures.open(file)).isInstanceOf(BackendException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a directory");
    }

    @Test
    @DisplayName("a non-empty directory that is not a store is refused, not written into")
    void foreignDirectoryRefused() throws IOException {
        Files.writeString(dir.resolve("thesis.tex"), "precious");
        assertThatThrownBy(() -> Fixtures.open(dir)).isInstanceOf(BackendException.class)
                .hasMessageContaining(dir.toRealPath().toString()).hasMessageContaining("not empty");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("thesis.tex");
        }
    }

    @Test
    @DisplayName("a first open killed while writing the marker leaves a directory the next open still accepts")
    void interruptedFirstOpen() throws IOException {
        Path root = Files.createDirectory(dir.resolve("s"));
        Files.writeString(root.resolve(".lock"), "pid=1\n");
        Files.writeString(root.resolve("." + StoreLayout.MARKER + ".0a0b0c0d0e0f.tmp"), "# half");
        try (FileMetadataStore store = Fixtures.open(root)) {
            store.putInstance(instance(uid(1)), false);
        }
        assertThat(Fixtures.filesUnder(root)).hasSize(3).contains(".lock", StoreLayout.MARKER);
    }

    @Test
    @DisplayName("create=false refuses a missing directory; a store of an unknown layout is refused")
    void missingOrUnknownLayout() throws IOException {
        Path missing = dir.resolve("typo");
        assertThatThrownBy(() -> FileMetadataStore.open(FileStoreSettings.of(missing).withCreate(false),
                AtomicFiles.PLAIN_WRITE)).isInstanceOf(BackendException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
        Path future = dir.resolve("future");
        Fixtures.open(future).close();
        Files.writeString(future.resolve(StoreLayout.MARKER), "layout=2\n");
        assertThatThrownBy(() -> Fixtures.open(future)).isInstanceOf(BackendException.class)
                .hasMessageContaining("layout '2'");
    }

    @Test
    @DisplayName("a store directory without write permission fails naming the path (skipped as root)")
    void noWritePermission() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("readonly"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(locked)) {
                System.out.println("FaultTest.noWritePermission skipped: running as root, permissions do not bite");
            }
            Assumptions.assumeFalse(Files.isWritable(locked),
                    "running as root (or with CAP_DAC_OVERRIDE): permissions do not bite; parentIsAFile covers"
                            + " the unwritable case instead");
            Path root = locked.resolve("store");
            assertThatThrownBy(() -> Fixtures.open(root)).isInstanceOf(BackendException.class)
                    .hasMessageContaining(root.toString()).hasMessageContaining("permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    @DisplayName("a really full disk (64 KiB tmpfs) fails the write naming the file, leaving the store consistent")
    void realFullDisk() throws Exception {
        Path mnt = Files.createDirectory(dir.resolve("tmpfs"));
        String why = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt.toString());
        if (why != null) {
            System.out.println("FaultTest.realFullDisk skipped: cannot mount a tmpfs (" + why + ")");
        }
        Assumptions.assumeTrue(why == null, () -> "cannot mount a small tmpfs here (" + why + "); the injected"
                + " failure of CrashRecoveryTest covers a full disk instead");
        try {
            Path root = mnt.resolve("store");
            String uid = uid(1);
            try (FileMetadataStore store = FileMetadataStore.open(FileStoreSettings.of(root), AtomicFiles.PLAIN_WRITE)) {
                store.putInstance(instance(uid), false);
                byte[] big = new byte[200_000];
                RecordWrite w = Fixtures.record(uid, MetadataFormat.JSON, big, RecordWrite.Mode.REPLACE);
                assertThatThrownBy(() -> store.putRecords(List.of(w))).isInstanceOf(BackendException.class)
                        .hasMessageContaining(uid + ".json.rec").hasMessageContaining("disk is full");
                assertThat(store.exists(MetadataFormat.JSON, uid)).isFalse();
                assertThat(store.count(MetadataFormat.JSON, MetadataScope.MISSING)).isEqualTo(1);
                assertThat(Fixtures.filesUnder(root)).noneMatch(f -> f.endsWith(".tmp"));
                store.putRecords(List.of(Fixtures.json(uid, "{}")));
                assertThat(store.exists(MetadataFormat.JSON, uid)).isTrue();
            }
            try (FileMetadataStore store = Fixtures.open(root)) {
                assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(1);
            }
        } finally {
            String failed = run("umount", mnt.toString());
            assertThat(failed).as("umount " + mnt).isNull();
        }
    }

    @Test
    @DisplayName("a store on a file system that became read-only fails naming the path, for root too, and loses nothing")
    void readOnlyFileSystem() throws Exception {
        // Root ignores permission bits (see noWritePermission), but not a read-only mount: this is how the
        // "store directory without write permission" case is exercised when the build runs as root.
        Path mnt = Files.createDirectory(dir.resolve("ro"));
        String why = run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt.toString());
        Assumptions.assumeTrue(why == null, () -> "cannot mount a tmpfs here (" + why + ")");
        try {
            Path root = mnt.resolve("store");
            String uid = uid(2);
            try (FileMetadataStore store = Fixtures.open(root)) {
                store.putInstance(instance(uid), false);
                store.putRecords(List.of(Fixtures.json(uid, "{\"kept\":true}")));
            }
            assertThat(run("mount", "-o", "remount,ro", mnt.toString())).as("remount read-only").isNull();

            assertThatThrownBy(() -> Fixtures.open(root)).isInstanceOf(BackendException.class)
                    .hasMessageContaining(root.toString()).hasMessageContaining("Read-only file system");
            Path fresh = mnt.resolve("fresh-store");
            assertThatThrownBy(() -> Fixtures.open(fresh)).isInstanceOf(BackendException.class)
                    .hasMessageContaining(fresh.toString()).hasMessageContaining("Read-only file system");
            assertThat(Files.exists(fresh)).isFalse();

            assertThat(run("mount", "-o", "remount,rw", mnt.toString())).as("remount read-write").isNull();
            try (FileMetadataStore store = Fixtures.open(root)) {
                assertThat(store.getRecord(MetadataFormat.JSON, uid)).hasValue("{\"kept\":true}".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
                assertThat(store.count(MetadataFormat.JSON, MetadataScope.EXISTING)).isEqualTo(1);
            }
        } finally {
            String failed = run("umount", mnt.toString());
            assertThat(failed).as("umount " + mnt).isNull();
        }
    }

    /** Runs a command; null when it succeeded, else why not. */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
