package org.dicommeta.adapter.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.domain.StoreLockedException;
import org.dicommeta.domain.Uids;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.SelectedInstance;

/**
 * A {@link MetadataStore} in a directory (layout: {@link StoreLayout}).
 *
 * <p><b>Concurrency.</b> Every change to one UID's files happens under that UID's stripe lock (one of
 * {@link #STRIPES}), and the {@link StoreIndex} is updated under the same lock right after the file
 * change it mirrors. So a record write checks "instance exists" and publishes the record without a
 * delete slipping in between: a record written for a deleted instance is {@code NO_INSTANCE}, never an
 * orphan. Reads of whole files need no lock, because files are only ever replaced by an atomic rename.
 *
 * <p><b>Crash states.</b> An instance is deleted records first, instance file last, so a crash part-way
 * leaves an instance with fewer records (a state the store allows), and the open scan deletes any record
 * whose instance file is gone (possible when the file system reorders unsynced deletions) and every
 * temporary file. After a crash the store therefore opens consistent.
 *
 * <p><b>Batches.</b> {@link #putRecords} and {@link #putInstances} write their items on a few threads
 * ({@link BatchRunner}: concurrent fsyncs share journal commits), writes of one UID in batch order.
 * Deletes unlink under the stripes and force each touched directory once before returning.
 *
 * <p><b>Read-only.</b> Opened with {@link FileStoreSettings#readOnly()}, the store takes no lock and
 * creates, changes and removes nothing: the open scan leaves temporary files and orphan records where
 * they are (and indexes neither), and every write method throws. A writer in another process may work
 * meanwhile, so the scan tolerates files and directories that appear or vanish under it; the index is
 * then a snapshot as of the scan. Reads of files go to disk: a record replaced since the scan is read in
 * its new version (whole, thanks to the atomic rename), one deleted since is absent.
 *
 * <p><b>Errors.</b> I/O failures become {@link BackendException}s naming the file and the likely cause
 * (disk full, permission denied). A batch is not one transaction: each record is atomic, and when one
 * fails, other items of the batch may be written; the exception names the failing file.
 */
final class FileMetadataStore implements MetadataStore {

    private static final System.Logger LOG = System.getLogger(FileMetadataStore.class.getName());
    static final int STRIPES = 1024;
    private static final int DELETE_ALL_PAGE = 1024;

    private final FileStoreSettings settings;
    private final StoreLayout layout;
    private final AtomicFiles files;
    private final StoreIndex index;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    /** Both null when read-only. */
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScanReport scan;
    private final BatchRunner batches;

    /** What the open scan found and did; kept for tests and for the log line. */
    record ScanReport(int instances, long nanos, int temporaryFilesRemoved, int orphanRecordsRemoved, int ignored) {
    }

    private FileMetadataStore(FileStoreSettings settings, Path root, AtomicFiles files, FileChannel lockChannel,
            FileLock lock, int scanBudget) {
        this.settings = settings;
        this.index = new StoreIndex(scanBudget);
        this.layout = new StoreLayout(root);
        this.files = files;
        this.lockChannel = lockChannel;
        this.lock = lock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
        this.batches = new BatchRunner(root);
        try {
            if (settings.readOnly()) {
                checkMarker();
            } else {
                prepare();
            }
            this.scan = scan();
        } catch (RuntimeException e) {
            release();
            throw e;
        }
        LOG.log(Level.DEBUG, () -> "Opened " + describe() + ": " + scan);
    }

    /**
     * Opens (creating when allowed) the store of {@code settings}, takes its lock and scans it.
     *
     * @param hook how temporary files are written (tests inject failures here)
     */
    static FileMetadataStore open(FileStoreSettings settings, AtomicFiles.WriteHook hook) {
        return open(settings, hook, StoreIndex.SCAN_BUDGET);
    }

    /** {@link #open(FileStoreSettings, AtomicFiles.WriteHook)} with the index's scan budget (tests make it small). */
    static FileMetadataStore open(FileStoreSettings settings, AtomicFiles.WriteHook hook, int scanBudget) {
        Path root = settings.root().toAbsolutePath().normalize();
        if (settings.readOnly()) {
            return new FileMetadataStore(settings, existingStore(root), new AtomicFiles(settings.fsync(), hook),
                    null, null, scanBudget);
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new BackendException("Cannot open file store " + root + ": it exists and is not a directory");
        }
        if (!Files.exists(root)) {
            if (!settings.create()) {
                throw new BackendException("File store directory " + root + " does not exist (and option "
                        + FileStoreSettings.OPTION_CREATE + " is false)");
            }
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw AtomicFiles.failure("Cannot create file store directory", root, e);
            }
        }
        try {
            // The real path, so that the traversal check and the lock see through symbolic links.
            root = root.toRealPath();
        } catch (IOException e) {
            throw AtomicFiles.failure("Cannot resolve file store directory", root, e);
        }
        refuseForeign(root);
        Path lockFile = root.resolve(StoreLayout.LOCK);
        FileChannel ch;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw AtomicFiles.failure("Cannot open the lock file of file store", lockFile, e);
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw new StoreLockedException("File store " + root + " is already open in this process (lock "
                    + lockFile + "); close that store first or share it");
        } catch (IOException e) {
            closeQuietly(ch);
            throw AtomicFiles.failure("Cannot lock file store", lockFile, e);
        }
        if (lock == null) {
            String holder = holder(ch);
            closeQuietly(ch);
            throw new StoreLockedException("File store " + root + " is open for writing in another process"
                    + holder + " (lock " + lockFile + "); close it there first");
        }
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\nopenedAt=" + Instant.now() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
        } catch (IOException e) {
            // The note only improves another process's message; the lock itself is held.
            LOG.log(Level.DEBUG, () -> "Cannot note the lock holder in " + lockFile + ": " + e);
        }
        return new FileMetadataStore(settings, root, new AtomicFiles(settings.fsync(), hook), ch, lock, scanBudget);
    }

    /**
     * The real path of the store at {@code root} for a read-only open, which must find one there: a
     * mistyped path is an error, never a new empty store.
     */
    private static Path existingStore(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BackendException("No file store at " + root + ": " + (Files.exists(root)
                    ? "it is not a directory" : "no such directory") + " (opened read-only, so none is created)");
        }
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            throw AtomicFiles.failure("Cannot resolve file store directory", root, e);
        }
        if (!Files.exists(real.resolve(StoreLayout.MARKER))) {
            throw new BackendException("No file store at " + real + ": the directory has no " + StoreLayout.MARKER
                    + " (opened read-only, so none is created)");
        }
        return real;
    }

    /** ", held by pid N since T" from the lock file's note, or "" when it cannot be read. */
    private static String holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(256);
            ch.read(buf, 0);
            String note = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
            Map<String, String> kv = new HashMap<>();
            for (String line : note.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    kv.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (kv.containsKey("pid")) {
                return ", held by pid " + kv.get("pid") + (kv.containsKey("openedAt") ? " since " + kv.get("openedAt") : "");
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the message stays clear without the holder
        }
        return "";
    }

    /**
     * Refuses a directory without a marker that holds anything but what an interrupted first open
     * leaves ({@code .lock}, a marker's temporary file): {@code file:/home/me} by mistake must not turn
     * a home directory into a store. Called before the lock file is created, and again under the lock.
     */
    private static void refuseForeign(Path root) {
        if (Files.exists(root.resolve(StoreLayout.MARKER))) {
            return;
        }
        try (Stream<Path> entries = Files.list(root)) {
            Optional<Path> foreign = entries.filter(p -> {
                String name = p.getFileName().toString();
                return !name.equals(StoreLayout.LOCK) && !isMarkerTemp(name);
            }).findFirst();
            if (foreign.isPresent()) {
                throw new BackendException("Refusing to use " + root + " as a file store: it is not empty ("
                        + foreign.get().getFileName() + ") and has no " + StoreLayout.MARKER
                        + "; pick an empty or new directory");
            }
        } catch (IOException e) {
            throw AtomicFiles.failure("Cannot list file store directory", root, e);
        }
    }

    private static boolean isMarkerTemp(String name) {
        return name.startsWith("." + StoreLayout.MARKER + ".") && name.endsWith(StoreLayout.TEMP_SUFFIX);
    }

    /** Checks or writes the layout marker; refuses a non-empty directory that is not a store. */
    private void prepare() {
        if (Files.exists(layout.marker())) {
            checkMarker();
        } else {
            refuseForeign(layout.root());
            // A marker write a crash interrupted: ours, and in the way of nothing.
            try (Stream<Path> entries = Files.list(layout.root())) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    if (isMarkerTemp(p.getFileName().toString())) {
                        files.delete(p);
                    }
                }
            } catch (IOException e) {
                throw AtomicFiles.failure("Cannot list file store directory", layout.root(), e);
            }
            StringBuilder sb = new StringBuilder("# dicom-metadata file store; see adapter-filesystem/README.md\n");
            PropertyLines.append(sb, "layout", String.valueOf(StoreLayout.LAYOUT_VERSION));
            files.write(layout.marker(), ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
        }
        files.createDirectory(layout.instances());
    }

    /** Checks that the layout marker names the layout this library reads. */
    private void checkMarker() {
        Path marker = layout.marker();
        Map<String, String> kv;
        try (FileChannel ch = FileChannel.open(marker, StandardOpenOption.READ)) {
            if (ch.size() > 4096) {
                throw new BackendException("Corrupt store marker " + marker + ": " + ch.size() + " bytes");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read it all
            }
            kv = PropertyLines.parse(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8), marker);
        } catch (IOException e) {
            throw AtomicFiles.failure("Cannot read store marker", marker, e);
        }
        if (!String.valueOf(StoreLayout.LAYOUT_VERSION).equals(kv.get("layout"))) {
            throw new BackendException("File store " + layout.root() + " has layout '" + kv.get("layout")
                    + "' (" + marker + "); this library reads layout " + StoreLayout.LAYOUT_VERSION);
        }
    }

    /**
     * The open scan: lists the two shard levels and every leaf once (O(number of leaves + files); no file
     * is read), loads the index, removes temporary files and records whose instance file is gone. Runs
     * before the store is handed out, so nothing else in this process touches the files meanwhile. A
     * read-only scan removes nothing and may run beside a writer in another process: a directory gone
     * (or, on a brand-new store, not there yet) is empty, a temporary file is passed over, and a record
     * listed without its instance file is not indexed (its instance is being written or deleted).
     */
    private ScanReport scan() {
        long start = System.nanoTime();
        AtomicIntegerArray counts = new AtomicIntegerArray(3); // temporary files, orphan records, ignored entries
        List<Path> tops = new ArrayList<>(256);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.instances())) {
            for (Path top : entries) {
                if (StoreLayout.isTopShardName(top.getFileName().toString()) && Files.isDirectory(top)) {
                    tops.add(top);
                } else {
                    ignored(top, counts);
                }
            }
        } catch (NoSuchFileException e) {
            if (!settings.readOnly()) {
                throw AtomicFiles.failure("Cannot scan file store", layout.instances(), e);
            }
            // A writer's first open wrote the marker and has not made instances/ yet: an empty store.
        } catch (IOException e) {
            throw AtomicFiles.failure("Cannot scan file store", layout.instances(), e);
        }
        // The 256 top shards are independent: listing them on the batch threads overlaps the directory
        // reads (a cold scan waits on the disk, not the CPU).
        batches.run(tops, Path::toString, top -> {
            scanTop(top, counts);
            return Boolean.TRUE;
        });
        return new ScanReport(index.size(), System.nanoTime() - start, counts.get(0), counts.get(1), counts.get(2));
    }

    private void scanTop(Path top, AtomicIntegerArray counts) {
        String topName = top.getFileName().toString();
        try (DirectoryStream<Path> leaves = Files.newDirectoryStream(top)) {
            for (Path leaf : leaves) {
                String leafName = leaf.getFileName().toString();
                if (!StoreLayout.isLeafShardName(leafName) || !Files.isDirectory(leaf)) {
                    ignored(leaf, counts);
                    continue;
                }
                scanLeaf(leaf, topName + "/" + leafName, counts);
            }
        } catch (NoSuchFileException e) {
            if (!settings.readOnly()) {
                throw AtomicFiles.failure("Cannot scan file store", top, e);
            }
        } catch (IOException e) {
            throw AtomicFiles.failure("Cannot scan file store", top, e);
        }
    }

    private void scanLeaf(Path leaf, String shard, AtomicIntegerArray counts) throws IOException {
        Set<String> instances = new HashSet<>();
        Map<String, Integer> records = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(leaf)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(StoreLayout.TEMP_SUFFIX)) {
                    if (!settings.readOnly()) { // read-only: most likely the writer's write in flight
                        LOG.log(Level.INFO, () -> "Removing " + p + ", a write interrupted by a crash");
                        files.delete(p);
                        counts.incrementAndGet(0);
                    }
                    continue;
                }
                String uid = null;
                MetadataFormat format = null;
                if (name.endsWith(StoreLayout.INSTANCE_SUFFIX)) {
                    uid = name.substring(0, name.length() - StoreLayout.INSTANCE_SUFFIX.length());
                } else {
                    for (MetadataFormat f : MetadataFormat.values()) {
                        String suffix = StoreLayout.recordSuffix(f);
                        if (name.endsWith(suffix)) {
                            uid = name.substring(0, name.length() - suffix.length());
                            format = f;
                        }
                    }
                }
                if (uid == null || !Uids.isValid(uid)) {
                    ignored(p, counts);
                } else if (format == null) {
                    if (StoreLayout.shard(uid).equals(shard)) {
                        instances.add(uid);
                    } else {
                        ignored(p, counts); // misplaced: not where this store would look for it
                    }
                } else {
                    records.merge(uid, StoreIndex.bit(format), (a, b) -> a | b);
                }
            }
        } catch (NoSuchFileException e) {
            if (!settings.readOnly()) {
                throw e;
            }
            return;
        }
        for (String uid : instances) {
            Integer bits = records.remove(uid);
            index.load(uid, bits == null ? 0 : bits);
        }
        // A record beside its instance file is in the right leaf by construction; only the rest need the
        // hash check, so that a misplaced file is ignored rather than deleted as an orphan.
        for (Map.Entry<String, Integer> orphan : records.entrySet()) {
            if (settings.readOnly()) {
                break; // not indexed, and left for the writer's own open scan to judge
            }
            if (!StoreLayout.shard(orphan.getKey()).equals(shard)) {
                counts.addAndGet(2, Integer.bitCount(orphan.getValue()));
                continue;
            }
            for (MetadataFormat f : MetadataFormat.values()) {
                if ((orphan.getValue() & StoreIndex.bit(f)) != 0) {
                    Path p = layout.recordFile(orphan.getKey(), f);
                    LOG.log(Level.WARNING, () -> "Removing " + p + ": its instance file is gone");
                    files.delete(p);
                    counts.incrementAndGet(1);
                }
            }
        }
    }

    private static void ignored(Path p, AtomicIntegerArray counts) {
        LOG.log(Level.DEBUG, () -> "Ignoring " + p + ": not a name this store writes");
        counts.incrementAndGet(2);
    }

    ScanReport scanReport() {
        return scan;
    }

    Path root() {
        return layout.root();
    }

    StoreLayout layout() {
        return layout;
    }

    @Override
    public String describe() {
        return "file store " + layout.root() + (settings.readOnly() ? " (read-only)"
                : settings.fsync() ? "" : " (fsync off)");
    }

    @Override
    public InstanceOutcome putInstance(Instance instance, boolean overwrite) {
        String uid = Uids.requireSopInstanceUid(instance.sopInstanceUid());
        ensureWritable();
        ReentrantLock stripe = stripe(uid);
        stripe.lock();
        try {
            boolean present = index.hasInstance(uid);
            if (present && !overwrite) {
                return InstanceOutcome.ALREADY_PRESENT;
            }
            Path leaf = layout.leaf(uid);
            files.createDirectory(leaf.getParent());
            files.createDirectory(leaf);
            files.write(layout.instanceFile(uid), InstanceFile.encode(instance));
            if (!present) {
                index.addInstance(uid);
            }
            return present ? InstanceOutcome.REPLACED : InstanceOutcome.STORED;
        } finally {
            stripe.unlock();
        }
    }

    /** The batch's instances written on a few threads (see {@link BatchRunner}); not one transaction. */
    @Override
    public List<InstanceOutcome> putInstances(List<Instance> batch, boolean overwrite) {
        ensureWritable();
        return batches.run(batch, Instance::sopInstanceUid, i -> putInstance(i, overwrite));
    }

    @Override
    public Optional<Instance> findInstance(String sopInstanceUid) {
        String uid = Uids.requireSopInstanceUid(sopInstanceUid);
        ensureOpen();
        return index.hasInstance(uid) ? readInstance(uid) : Optional.empty();
    }

    private Optional<Instance> readInstance(String uid) {
        Path file = layout.instanceFile(uid);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return Optional.of(InstanceFile.read(ch, file, uid));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted since the index said it was there
        } catch (IOException e) {
            throw AtomicFiles.failure("Cannot read instance file", file, e);
        }
    }

    @Override
    public long deleteInstances(Collection<String> sopInstanceUids) {
        List<String> uids = validated(sopInstanceUids);
        ensureWritable();
        return deleteEach(uids, this::deleteInstance);
    }

    /** Unlinks one instance and its records, noting its directory in {@code touched} for the caller to force once. */
    private boolean deleteInstance(String uid, Set<Path> touched) {
        ReentrantLock stripe = stripe(uid);
        stripe.lock();
        try {
            if (!index.hasInstance(uid)) {
                return false;
            }
            // Records first, the instance file last: a failure part-way leaves an instance with
            // fewer records, never a record without its instance (and the open scan removes any
            // record a crash leaves without its instance).
            for (MetadataFormat f : MetadataFormat.values()) {
                if (index.hasRecord(uid, f)) {
                    files.deleteUnsynced(layout.recordFile(uid, f));
                    index.setRecord(uid, f, false);
                }
            }
            files.deleteUnsynced(layout.instanceFile(uid));
            index.removeInstance(uid);
            touched.add(layout.leaf(uid));
            return true;
        } finally {
            stripe.unlock();
        }
    }

    /**
     * Runs {@code delete} on each UID, then forces every directory it noted once, also when a delete
     * failed part-way (what was unlinked is made durable). Returns how many it deleted.
     */
    private long deleteEach(Iterable<String> uids, BiPredicate<String, Set<Path>> delete) {
        long deleted = 0;
        Set<Path> touched = new HashSet<>();
        try {
            for (String uid : uids) {
                if (delete.test(uid, touched)) {
                    deleted++;
                }
            }
        } finally {
            batches.syncDirectories(touched, files);
        }
        return deleted;
    }

    @Override
    public long count(MetadataFormat format, MetadataScope scope) {
        requireFormat(format);
        if (scope == null) {
            throw new IllegalArgumentException("scope is null");
        }
        ensureOpen();
        return index.count(format, scope);
    }

    @Override
    public boolean exists(MetadataFormat format, String sopInstanceUid) {
        requireFormat(format);
        String uid = Uids.requireSopInstanceUid(sopInstanceUid);
        ensureOpen();
        return index.hasRecord(uid, format);
    }

    @Override
    public List<SelectedInstance> select(Set<MetadataFormat> formats, MetadataScope scope, String afterUid, int limit) {
        if (formats == null || formats.isEmpty() || scope == null) {
            throw new IllegalArgumentException("select needs at least one format and a scope, got " + formats
                    + " and " + scope);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("select limit must be at least 1, got " + limit);
        }
        ensureOpen();
        Set<MetadataFormat> wanted = EnumSet.copyOf(formats);
        List<SelectedInstance> out = new ArrayList<>(Math.min(limit, 1024));
        String cursor = afterUid;
        while (out.size() < limit) {
            StoreIndex.Page page = index.page(cursor, limit - out.size(), bits -> !selected(wanted, scope, bits).isEmpty());
            // Instance files are read on the batch threads: a cold page waits on the disk, not the CPU.
            List<Optional<Instance>> read = batches.run(page.entries(), StoreIndex.Entry::uid, e -> readInstance(e.uid()));
            for (int k = 0; k < read.size(); k++) {
                StoreIndex.Entry e = page.entries().get(k);
                // An instance deleted since the page was taken is skipped, as a run skips it.
                read.get(k).ifPresent(i -> out.add(new SelectedInstance(i, selected(wanted, scope, e.bits()))));
            }
            if (page.end()) {
                break;
            }
            cursor = page.lastScanned();
        }
        return out;
    }

    private static Set<MetadataFormat> selected(Set<MetadataFormat> formats, MetadataScope scope, int bits) {
        Set<MetadataFormat> out = EnumSet.noneOf(MetadataFormat.class);
        for (MetadataFormat f : formats) {
            boolean has = (bits & StoreIndex.bit(f)) != 0;
            if (scope == MetadataScope.ALL || (scope == MetadataScope.EXISTING) == has) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public List<RecordWriteOutcome> putRecords(List<RecordWrite> batch) {
        ensureWritable();
        return batches.run(batch, RecordWrite::sopInstanceUid, this::putRecord);
    }

    private RecordWriteOutcome putRecord(RecordWrite w) {
        String uid = Uids.requireSopInstanceUid(w.sopInstanceUid());
        MetadataFormat format = w.format();
        ReentrantLock stripe = stripe(uid);
        stripe.lock();
        try {
            if (!index.hasInstance(uid)) {
                return RecordWriteOutcome.NO_INSTANCE;
            }
            if (w.mode() == RecordWrite.Mode.IF_ABSENT && index.hasRecord(uid, format)) {
                return RecordWriteOutcome.EXISTS;
            }
            // The instance file is in this leaf, so the directory exists; nothing here creates one.
            files.write(layout.recordFile(uid, format), RecordFile.encodeHeader(w.info()), ByteBuffer.wrap(w.content()));
            index.setRecord(uid, format, true);
            return RecordWriteOutcome.WRITTEN;
        } finally {
            stripe.unlock();
        }
    }

    /**
     * The file of the record of {@code format} for {@code sopInstanceUid} when the index lists one, after
     * checking the arguments and that the store is open; empty when there is no such record.
     */
    private Optional<Path> indexedRecordFile(MetadataFormat format, String sopInstanceUid) {
        requireFormat(format);
        String uid = Uids.requireSopInstanceUid(sopInstanceUid);
        ensureOpen();
        return index.hasRecord(uid, format) ? Optional.of(layout.recordFile(uid, format)) : Optional.empty();
    }

    @Override
    public Optional<byte[]> getRecord(MetadataFormat format, String sopInstanceUid) {
        Path file = indexedRecordFile(format, sopInstanceUid).orElse(null);
        if (file == null) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            RecordFile.Header h = RecordFile.readHeader(ch, file, sopInstanceUid, format);
            if (h.info().size() > Integer.MAX_VALUE - 16) {
                throw new BackendException("Record " + file + " holds " + h.info().size()
                        + " bytes, too many for one array; read it with openRecord");
            }
            // Safe to allocate: readHeader checked the size against the file's actual length.
            ByteBuffer buf = ByteBuffer.allocate((int) h.info().size());
            long pos = h.length();
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new BackendException("Record " + file + " ended early at byte " + pos);
                }
                pos += n;
            }
            return Optional.of(buf.array());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw AtomicFiles.failure("Cannot read record", file, e);
        }
    }

    @Override
    public Optional<InputStream> openRecord(MetadataFormat format, String sopInstanceUid) {
        Path file = indexedRecordFile(format, sopInstanceUid).orElse(null);
        if (file == null) {
            return Optional.empty();
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            RecordFile.Header h = RecordFile.readHeader(ch, file, sopInstanceUid, format);
            ch.position(h.length());
            // The open channel keeps reading this version even if a writer renames a new one over it.
            return Optional.of(Channels.newInputStream(ch));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(ch);
            throw AtomicFiles.failure("Cannot read record", file, e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    @Override
    public Optional<RecordInfo> recordInfo(MetadataFormat format, String sopInstanceUid) {
        Path file = indexedRecordFile(format, sopInstanceUid).orElse(null);
        if (file == null) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return Optional.of(RecordFile.readHeader(ch, file, sopInstanceUid, format).info());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw AtomicFiles.failure("Cannot read record", file, e);
        }
    }

    @Override
    public long deleteRecords(MetadataFormat format, Collection<String> sopInstanceUids) {
        requireFormat(format);
        List<String> uids = validated(sopInstanceUids);
        ensureWritable();
        return deleteEach(uids, (uid, touched) -> deleteRecord(format, uid, touched));
    }

    /** Unlinks one record, noting its directory in {@code touched} for the caller to force once. */
    private boolean deleteRecord(MetadataFormat format, String uid, Set<Path> touched) {
        ReentrantLock stripe = stripe(uid);
        stripe.lock();
        try {
            if (!index.hasRecord(uid, format)) {
                return false;
            }
            files.deleteUnsynced(layout.recordFile(uid, format));
            index.setRecord(uid, format, false);
            touched.add(layout.leaf(uid));
            return true;
        } finally {
            stripe.unlock();
        }
    }

    @Override
    public long deleteAllRecords(MetadataFormat format) {
        requireFormat(format);
        ensureWritable();
        int bit = StoreIndex.bit(format);
        long deleted = 0;
        String cursor = null;
        while (true) {
            StoreIndex.Page page = index.page(cursor, DELETE_ALL_PAGE, bits -> (bits & bit) != 0);
            // Directories forced per page, so memory stays bounded.
            deleted += deleteEach(page.entries().stream().map(StoreIndex.Entry::uid)::iterator,
                    (uid, touched) -> deleteRecord(format, uid, touched));
            if (page.end()) {
                return deleted;
            }
            cursor = page.lastScanned();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release();
            LOG.log(Level.DEBUG, () -> "Closed " + describe());
        }
    }

    private void release() {
        batches.close();
        if (lock == null) {
            return; // read-only: there is no lock
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> "Cannot release the lock of " + layout.lockFile() + ": " + e);
        }
        closeQuietly(lockChannel);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new BackendException("File store " + layout.root() + " is closed");
        }
    }

    /** {@link #ensureOpen()}, and refuses every write to a read-only store. */
    private void ensureWritable() {
        ensureOpen();
        if (settings.readOnly()) {
            throw new BackendException("Cannot write to file store " + layout.root() + ": it is opened read-only");
        }
    }

    private ReentrantLock stripe(String uid) {
        int h = uid.hashCode();
        return stripes[(h ^ (h >>> 16)) & (STRIPES - 1)];
    }

    private static List<String> validated(Collection<String> uids) {
        List<String> out = new ArrayList<>(uids.size());
        for (String uid : uids) {
            out.add(Uids.requireSopInstanceUid(uid)); // all checked before any file is touched
        }
        return out;
    }

    private static void requireFormat(MetadataFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("format is null");
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // nothing useful to do: the resource is gone either way
        }
    }
}
