package org.dicommeta.adapter.filesystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.ports.RecordWrite;

/**
 * Run in a second JVM by {@link ReadOnlyStoreTest}: opens the store in {@code args[0]} for writing (so it
 * holds the writer lock), stores {@code args[1]} instances with a JSON record each, prints "ready", then
 * keeps replacing those records (in varying sizes) and adding and deleting other instances until a line
 * arrives on standard input or a minute has passed. Exit 0 when it stopped as asked.
 */
public final class WriterProbe {

    private WriterProbe() {
    }

    /** A record a reader can check for completeness: its UID, a round, a run of filler, an end mark. */
    static String content(String uid, int round) {
        return uid + ":" + round + ":" + "x".repeat((round * 997) % 20_000) + ":end";
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int seeded = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + 60_000_000_000L;
        try (FileMetadataStore store = Fixtures.open(root)) {
            List<RecordWrite> batch = new ArrayList<>();
            for (int i = 0; i < seeded; i++) {
                store.putInstance(Fixtures.instance(Fixtures.uid(i)), false);
                batch.add(Fixtures.json(Fixtures.uid(i), content(Fixtures.uid(i), 0)));
            }
            store.putRecords(batch);
            System.out.println("ready");
            System.out.flush();
            int round = 1;
            while (System.in.available() == 0 && System.nanoTime() < deadline) {
                batch.clear();
                for (int i = 0; i < seeded; i++) {
                    batch.add(Fixtures.json(Fixtures.uid(i), content(Fixtures.uid(i), round)));
                }
                store.putRecords(batch);
                String extra = Fixtures.uid(100_000 + round);
                store.putInstance(Fixtures.instance(extra), false);
                store.putRecords(List.of(Fixtures.record(extra, MetadataFormat.XML,
                        content(extra, round).getBytes(StandardCharsets.UTF_8), RecordWrite.Mode.REPLACE)));
                if (round % 2 == 0) {
                    store.deleteInstances(List.of(Fixtures.uid(100_000 + round - 1), extra));
                }
                round++;
            }
        }
        System.exit(0);
    }
}
