package org.dicommeta.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.Instance;
import org.dicommeta.domain.InstanceOutcome;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.domain.Uids;
import org.dicommeta.ports.MetadataStore;
import org.dicommeta.ports.RecordWrite;
import org.dicommeta.ports.RecordWriteOutcome;
import org.dicommeta.ports.SelectedInstance;

/**
 * The MongoDB store.
 *
 * <p>Instance document: {@code {_id: uid, study, series, patient, sopClass, ts, source, storedAt,
 * hj: bool, hx: bool, json: {...}, xml: {...}}}. {@code hj}/{@code hx} say whether the format's record
 * exists and are written in the same single-document update as the record, so
 * {@code count(EXISTING) = count(hj:true)} and {@code count(MISSING) = count(hj:false)} partition the
 * instances exactly: they cannot drift, and a record cannot outlive its instance (it lives inside it).
 * The compound indexes {@code {hj:1,_id:1}} and {@code {hx:1,_id:1}} serve both counts and keyset pages.
 *
 * <p>Record sub-document: {@code {flags, codec, at, size, sha, token, data}} or, above the chunk
 * threshold, {@code chunks: n} instead of {@code data}, the bytes then being in the chunk collection
 * under {@code (u, f, w=token, n)}. Chunks are written before the document points at them and old ones
 * are removed after, so a reader never follows a reference to missing chunks except during a concurrent
 * replace, which it retries. {@code token} is derived from the record's provenance, so a retried batch
 * recognises its own earlier write.
 */
final class MongoMetadataStore implements MetadataStore {

    private static final int MAX_READ_ATTEMPTS = 3;

    private final MongoClient client;
    private final boolean ownsClient;
    private final MongoStoreSettings settings;
    private final String where;
    private final MongoCollection<Document> instances;
    private final MongoCollection<Document> chunks;
    private volatile boolean closed;

    MongoMetadataStore(MongoClient client, boolean ownsClient, MongoStoreSettings settings, String where) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.settings = settings;
        this.where = where;
        MongoDatabase db = client.getDatabase(settings.database())
                .withWriteConcern(writeConcern(settings.writeConcern()))
                .withReadPreference(readPreference(settings.readPreference()));
        this.instances = db.getCollection(settings.prefix() + "instances");
        this.chunks = db.getCollection(settings.prefix() + "chunks");
        MongoErrors.call(where, "create indexes", () -> {
            instances.createIndex(Indexes.ascending("hj", "_id"));
            instances.createIndex(Indexes.ascending("hx", "_id"));
            chunks.createIndex(Indexes.ascending("u", "f", "w", "n"), new IndexOptions().unique(true));
            return null;
        });
    }

    private static WriteConcern writeConcern(String name) {
        if (name.equals("majority")) {
            return WriteConcern.MAJORITY.withJournal(true);
        }
        if (name.equals("acknowledged")) {
            return WriteConcern.ACKNOWLEDGED;
        }
        try {
            return new WriteConcern(Integer.parseInt(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Unknown writeConcern '" + name
                    + "'; expected majority, acknowledged or a number of nodes");
        }
    }

    private static ReadPreference readPreference(String name) {
        try {
            return ReadPreference.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown readPreference '" + name + "'", e);
        }
    }

    @Override
    public String describe() {
        return "MongoDB " + where + " database " + settings.database() + " prefix " + settings.prefix();
    }

    // ---------------------------------------------------------------- instances

    @Override
    public InstanceOutcome putInstance(Instance instance, boolean overwrite) {
        return putInstances(List.of(instance), overwrite).get(0);
    }

    @Override
    public List<InstanceOutcome> putInstances(List<Instance> batch, boolean overwrite) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<WriteModel<Document>> ops = new ArrayList<>(batch.size());
        for (Instance i : batch) {
            Uids.requireSopInstanceUid(i.sopInstanceUid());
            Bson fields = Updates.combine(
                    Updates.set("study", i.studyInstanceUid()),
                    Updates.set("series", i.seriesInstanceUid()),
                    Updates.set("patient", i.patientId()),
                    Updates.set("sopClass", i.sopClassUid()),
                    Updates.set("ts", i.transferSyntaxUid()),
                    Updates.set("source", i.source()),
                    Updates.set("storedAt", i.storedAt().toString()));
            Bson flags = Updates.combine(Updates.setOnInsert("hj", false), Updates.setOnInsert("hx", false));
            Bson update = overwrite
                    ? Updates.combine(fields, flags)
                    : Updates.combine(Updates.setOnInsert("study", i.studyInstanceUid()),
                            Updates.setOnInsert("series", i.seriesInstanceUid()),
                            Updates.setOnInsert("patient", i.patientId()),
                            Updates.setOnInsert("sopClass", i.sopClassUid()),
                            Updates.setOnInsert("ts", i.transferSyntaxUid()),
                            Updates.setOnInsert("source", i.source()),
                            Updates.setOnInsert("storedAt", i.storedAt().toString()), flags);
            ops.add(new UpdateOneModel<>(eq("_id", i.sopInstanceUid()), update, new UpdateOptions().upsert(true)));
        }
        BulkWriteResult result = bulk(ops, "index " + batch.size() + " instance(s)");
        Set<Integer> inserted = new HashSet<>();
        for (BulkWriteUpsert u : result.getUpserts()) {
            inserted.add(u.getIndex());
        }
        List<InstanceOutcome> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(inserted.contains(i) ? InstanceOutcome.STORED
                    : overwrite ? InstanceOutcome.REPLACED : InstanceOutcome.ALREADY_PRESENT);
        }
        return out;
    }

    @Override
    public Optional<Instance> findInstance(String sopInstanceUid) {
        Document d = MongoErrors.call(where, "find instance " + sopInstanceUid,
                () -> instances.find(eq("_id", sopInstanceUid)).projection(INSTANCE_FIELDS).first());
        return Optional.ofNullable(d).map(MongoMetadataStore::toInstance);
    }

    private static final Bson INSTANCE_FIELDS =
            Projections.include("study", "series", "patient", "sopClass", "ts", "source", "storedAt", "hj", "hx");

    private static Instance toInstance(Document d) {
        return new Instance(d.getString("_id"), d.getString("study"), d.getString("series"), d.getString("patient"),
                d.getString("sopClass"), d.getString("ts"), d.getString("source"),
                Instant.parse(d.getString("storedAt")));
    }

    @Override
    public long deleteInstances(Collection<String> sopInstanceUids) {
        if (sopInstanceUids.isEmpty()) {
            return 0;
        }
        List<String> uids = distinct(sopInstanceUids);
        return MongoErrors.call(where, "delete " + uids.size() + " instance(s)", () -> {
            long n = instances.deleteMany(in("_id", uids)).getDeletedCount();
            chunks.deleteMany(in("u", uids));
            return n;
        });
    }

    // ---------------------------------------------------------------- counts and selections

    private static String flag(MetadataFormat f) {
        return f == MetadataFormat.JSON ? "hj" : "hx";
    }

    private static String field(MetadataFormat f) {
        return f == MetadataFormat.JSON ? "json" : "xml";
    }

    @Override
    public long count(MetadataFormat format, MetadataScope scope) {
        return MongoErrors.call(where, "count " + format + " " + scope, () -> switch (scope) {
            case ALL -> instances.countDocuments();
            case EXISTING -> instances.countDocuments(eq(flag(format), true));
            case MISSING -> instances.countDocuments(eq(flag(format), false));
        });
    }

    @Override
    public boolean exists(MetadataFormat format, String sopInstanceUid) {
        return MongoErrors.call(where, "exists " + format + " " + sopInstanceUid,
                () -> instances.countDocuments(and(eq("_id", sopInstanceUid), eq(flag(format), true))) > 0);
    }

    @Override
    public List<SelectedInstance> select(Set<MetadataFormat> formats, MetadataScope scope, String afterUid,
            int limit) {
        if (formats.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Bson> perFormat = new ArrayList<>();
        if (scope != MetadataScope.ALL) {
            for (MetadataFormat f : formats) {
                perFormat.add(eq(flag(f), scope == MetadataScope.EXISTING));
            }
        }
        List<Bson> filters = new ArrayList<>();
        if (afterUid != null) {
            filters.add(gt("_id", afterUid));
        }
        if (!perFormat.isEmpty()) {
            filters.add(perFormat.size() == 1 ? perFormat.get(0) : or(perFormat));
        }
        Bson filter = filters.isEmpty() ? new Document() : filters.size() == 1 ? filters.get(0) : and(filters);
        List<SelectedInstance> page = new ArrayList<>(Math.min(limit, 10_000));
        MongoErrors.call(where, "select " + scope + " " + formats, () -> {
            for (Document d : instances.find(filter).projection(INSTANCE_FIELDS).sort(Sorts.ascending("_id"))
                    .limit(limit)) {
                EnumSet<MetadataFormat> selected = EnumSet.noneOf(MetadataFormat.class);
                for (MetadataFormat f : formats) {
                    boolean has = Boolean.TRUE.equals(d.getBoolean(flag(f)));
                    if (scope == MetadataScope.ALL || has == (scope == MetadataScope.EXISTING)) {
                        selected.add(f);
                    }
                }
                if (!selected.isEmpty()) {
                    page.add(new SelectedInstance(toInstance(d), selected));
                }
            }
            return null;
        });
        return page;
    }

    // ---------------------------------------------------------------- records

    /** Identifies one write, the same for a retried write of the same record. */
    private static String token(RecordInfo info) {
        return info.sha256().substring(0, 16) + "-" + info.writtenAt().toEpochMilli() + "-" + info.writtenAt().getNano();
    }

    @Override
    public List<RecordWriteOutcome> putRecords(List<RecordWrite> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        for (RecordWrite w : batch) {
            Uids.requireSopInstanceUid(w.sopInstanceUid());
        }
        List<WriteModel<Document>> ops = new ArrayList<>(batch.size());
        List<Document> chunkDocs = new ArrayList<>();
        String[] tokens = new String[batch.size()];
        boolean anyChunked = false;
        for (int i = 0; i < batch.size(); i++) {
            RecordWrite w = batch.get(i);
            RecordInfo info = w.info();
            String token = token(info);
            tokens[i] = token;
            Document sub = new Document("flags", info.flags()).append("codec", info.codecVersion())
                    .append("at", info.writtenAt().toString()).append("size", info.size())
                    .append("sha", info.sha256()).append("token", token);
            byte[] content = w.content();
            if (content.length > settings.chunkThreshold()) {
                int n = 0;
                for (int off = 0; off < content.length; off += MongoStoreSettings.CHUNK_SIZE, n++) {
                    int len = Math.min(MongoStoreSettings.CHUNK_SIZE, content.length - off);
                    chunkDocs.add(new Document("u", w.sopInstanceUid()).append("f", field(w.format()))
                            .append("w", token).append("n", n)
                            .append("data", new Binary(Arrays.copyOfRange(content, off, off + len))));
                }
                sub.append("chunks", n);
                anyChunked = true;
            } else {
                sub.append("data", new Binary(content));
            }
            Bson filter = w.mode() == RecordWrite.Mode.IF_ABSENT
                    ? and(eq("_id", w.sopInstanceUid()), eq(flag(w.format()), false))
                    : eq("_id", w.sopInstanceUid());
            ops.add(new UpdateOneModel<>(filter, Updates.combine(Updates.set(field(w.format()), sub),
                    Updates.set(flag(w.format()), true))));
        }
        if (anyChunked) {
            insertChunks(chunkDocs);
        }
        BulkWriteResult result = bulk(ops, "write " + batch.size() + " record(s)");
        List<RecordWriteOutcome> outcomes = new ArrayList<>(batch.size());
        if (result.getMatchedCount() == batch.size()) {
            for (int i = 0; i < batch.size(); i++) {
                outcomes.add(RecordWriteOutcome.WRITTEN);
            }
        } else {
            outcomes.addAll(resolveOutcomes(batch, tokens));
        }
        cleanUpChunks(batch, tokens, outcomes, anyChunked);
        return outcomes;
    }

    /** Works out, after a partly matched bulk, which writes took effect: by the token each left behind. */
    private List<RecordWriteOutcome> resolveOutcomes(List<RecordWrite> batch, String[] tokens) {
        List<String> uids = new ArrayList<>(batch.size());
        for (RecordWrite w : batch) {
            uids.add(w.sopInstanceUid());
        }
        Map<String, Document> found = new HashMap<>();
        MongoErrors.call(where, "check written records", () -> {
            for (Document d : instances.find(in("_id", distinct(uids)))
                    .projection(Projections.include("json.token", "xml.token"))) {
                found.put(d.getString("_id"), d);
            }
            return null;
        });
        List<RecordWriteOutcome> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            RecordWrite w = batch.get(i);
            Document d = found.get(w.sopInstanceUid());
            if (d == null) {
                out.add(RecordWriteOutcome.NO_INSTANCE);
                continue;
            }
            Document sub = d.get(field(w.format()), Document.class);
            out.add(sub != null && tokens[i].equals(sub.getString("token"))
                    ? RecordWriteOutcome.WRITTEN : RecordWriteOutcome.EXISTS);
        }
        return out;
    }

    private void insertChunks(List<Document> chunkDocs) {
        try {
            chunks.insertMany(chunkDocs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // A retried batch finds its own chunks already there (duplicate key 11000): that is fine.
            if (e.getWriteErrors().stream().anyMatch(err -> err.getCode() != 11000) || e.getWriteConcernError() != null) {
                throw MongoErrors.translate(where, "write record chunks", e);
            }
        } catch (com.mongodb.MongoException e) {
            throw MongoErrors.translate(where, "write record chunks", e);
        }
    }

    /** Removes chunks no document points at: those of writes that did not happen, and those they replaced. */
    private void cleanUpChunks(List<RecordWrite> batch, String[] tokens, List<RecordWriteOutcome> outcomes,
            boolean anyChunked) {
        List<Bson> removals = new ArrayList<>();
        for (MetadataFormat f : MetadataFormat.values()) {
            List<String> replaced = new ArrayList<>();
            List<String> keep = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                RecordWrite w = batch.get(i);
                if (w.format() != f) {
                    continue;
                }
                if (outcomes.get(i) == RecordWriteOutcome.WRITTEN) {
                    if (w.mode() == RecordWrite.Mode.REPLACE) {
                        replaced.add(w.sopInstanceUid());
                    }
                    keep.add(tokens[i]);
                } else if (anyChunked) {
                    removals.add(and(eq("u", w.sopInstanceUid()), eq("f", field(f)), eq("w", tokens[i])));
                }
            }
            if (!replaced.isEmpty()) {
                removals.add(and(in("u", replaced), eq("f", field(f)), nin("w", keep)));
            }
        }
        if (!removals.isEmpty()) {
            MongoErrors.call(where, "remove replaced record chunks",
                    () -> chunks.deleteMany(removals.size() == 1 ? removals.get(0) : or(removals)));
        }
    }

    private Document findRecord(MetadataFormat format, String uid, boolean withData) {
        String f = field(format);
        Bson projection = withData ? Projections.include(f)
                : Projections.include(f + ".flags", f + ".codec", f + ".at", f + ".size", f + ".sha", f + ".token",
                        f + ".chunks");
        Document d = MongoErrors.call(where, "read " + format + " record " + uid,
                () -> instances.find(and(eq("_id", uid), eq(flag(format), true))).projection(projection).first());
        return d == null ? null : d.get(f, Document.class);
    }

    @Override
    public Optional<byte[]> getRecord(MetadataFormat format, String sopInstanceUid) {
        for (int attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++) {
            Document sub = findRecord(format, sopInstanceUid, true);
            if (sub == null) {
                return Optional.empty();
            }
            Binary data = sub.get("data", Binary.class);
            if (data != null) {
                return Optional.of(data.getData());
            }
            byte[] joined = readChunks(format, sopInstanceUid, sub);
            if (joined != null) {
                return Optional.of(joined);
            }
            // Replaced while we read: its chunks went away. Read the new version.
        }
        throw new BackendException("MongoDB " + where + ": " + format + " record " + sopInstanceUid
                + " kept changing while being read");
    }

    private byte[] readChunks(MetadataFormat format, String uid, Document sub) {
        int n = sub.getInteger("chunks", 0);
        long size = ((Number) sub.get("size")).longValue();
        if (size > Integer.MAX_VALUE - 16) {
            throw new BackendException("MongoDB " + where + ": " + format + " record " + uid + " of " + size
                    + " bytes is too large for one array; use openRecord");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        int seen = 0;
        for (Document c : MongoErrors.call(where, "read record chunks",
                () -> chunks.find(and(eq("u", uid), eq("f", field(format)), eq("w", sub.getString("token"))))
                        .sort(Sorts.ascending("n")).into(new ArrayList<>()))) {
            if (c.getInteger("n") != seen) {
                return null;
            }
            out.writeBytes(c.get("data", Binary.class).getData());
            seen++;
        }
        return seen == n && out.size() == size ? out.toByteArray() : null;
    }

    @Override
    public Optional<InputStream> openRecord(MetadataFormat format, String sopInstanceUid) {
        Document sub = findRecord(format, sopInstanceUid, false);
        if (sub == null) {
            return Optional.empty();
        }
        if (!sub.containsKey("chunks")) {
            return getRecord(format, sopInstanceUid).map(ByteArrayInputStream::new);
        }
        // Streams chunk by chunk, so a record of any size is never held whole in memory.
        int n = sub.getInteger("chunks");
        String token = sub.getString("token");
        java.util.Enumeration<InputStream> parts = new java.util.Enumeration<>() {
            private int next;

            @Override
            public boolean hasMoreElements() {
                return next < n;
            }

            @Override
            public InputStream nextElement() {
                if (next >= n) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                Document c = MongoErrors.call(where, "read record chunk", () -> chunks.find(and(eq("u", sopInstanceUid),
                        eq("f", field(format)), eq("w", token), eq("n", i))).first());
                if (c == null) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("MongoDB " + where + ": "
                            + format + " record " + sopInstanceUid + " was replaced or deleted while being read"));
                }
                return new ByteArrayInputStream(c.get("data", Binary.class).getData());
            }
        };
        return Optional.of(new SequenceInputStream(parts));
    }

    @Override
    public Optional<RecordInfo> recordInfo(MetadataFormat format, String sopInstanceUid) {
        Document sub = findRecord(format, sopInstanceUid, false);
        if (sub == null) {
            return Optional.empty();
        }
        return Optional.of(new RecordInfo(sopInstanceUid, format, sub.getString("flags"), sub.getString("codec"),
                Instant.parse(sub.getString("at")), ((Number) sub.get("size")).longValue(), sub.getString("sha")));
    }

    @Override
    public long deleteRecords(MetadataFormat format, Collection<String> sopInstanceUids) {
        if (sopInstanceUids.isEmpty()) {
            return 0;
        }
        List<String> uids = distinct(sopInstanceUids);
        return MongoErrors.call(where, "delete " + format + " records", () -> {
            UpdateResult r = instances.updateMany(and(in("_id", uids), eq(flag(format), true)),
                    Updates.combine(Updates.unset(field(format)), Updates.set(flag(format), false)));
            chunks.deleteMany(and(in("u", uids), eq("f", field(format))));
            return r.getModifiedCount();
        });
    }

    @Override
    public long deleteAllRecords(MetadataFormat format) {
        return MongoErrors.call(where, "delete all " + format + " records", () -> {
            UpdateResult r = instances.updateMany(eq(flag(format), true),
                    Updates.combine(Updates.unset(field(format)), Updates.set(flag(format), false)));
            chunks.deleteMany(eq("f", field(format)));
            return r.getModifiedCount();
        });
    }

    // ---------------------------------------------------------------- plumbing

    private BulkWriteResult bulk(List<WriteModel<Document>> ops, String what) {
        try {
            return instances.bulkWrite(ops, new BulkWriteOptions().ordered(false));
        } catch (com.mongodb.MongoException e) {
            throw MongoErrors.translate(where, what, e);
        }
    }

    private static List<String> distinct(Collection<String> uids) {
        List<String> out = new ArrayList<>(new java.util.LinkedHashSet<>(uids));
        for (String uid : out) {
            Uids.requireSopInstanceUid(uid);
        }
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
