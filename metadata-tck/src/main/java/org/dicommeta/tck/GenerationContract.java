package org.dicommeta.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dicommeta.codec.CodecVersion;
import org.dicommeta.core.MetadataAgents;
import org.dicommeta.domain.BackendException;
import org.dicommeta.domain.BackendUnavailableException;
import org.dicommeta.domain.GenerationListener;
import org.dicommeta.domain.MetadataAgent;
import org.dicommeta.domain.GenerationEvent;
import org.dicommeta.domain.GenerationOptions;
import org.dicommeta.domain.GenerationResult;
import org.dicommeta.domain.GenerationRun;
import org.dicommeta.domain.InstanceFailure;
import org.dicommeta.domain.JsonOptions;
import org.dicommeta.domain.MetadataFormat;
import org.dicommeta.domain.MetadataOptions;
import org.dicommeta.domain.MetadataRecords;
import org.dicommeta.domain.MetadataScope;
import org.dicommeta.domain.RecordInfo;
import org.dicommeta.domain.RenderOptions;
import org.dicommeta.domain.XmlOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract section "Bulk generation": which instances each scope visits, per format; the selection
 * fixed at the start; events; cancellation from a handler and from another thread; per-instance
 * failures; resumability; idempotence; workers; the result.
 */
@Timeout(90)
public interface GenerationContract extends StoreUnderTest {

    /** The provenance of every record of {@code uids} of {@code format} (absent ones left out). */
    private Map<String, RecordInfo> infos(MetadataFormat format, List<String> uids) {
        Map<String, RecordInfo> out = new HashMap<>();
        for (String uid : uids) {
            kit().agent().records(format).info(uid).ifPresent(i -> out.put(uid, i));
        }
        return out;
    }

    /** Checks that the result's counts add up. */
    private static void assertConsistent(GenerationResult r) {
        assertThat(r.processed()).as("processed = written instances + skipped + failed cannot exceed total")
                .isLessThanOrEqualTo(r.total());
        assertThat(r.failed()).isNotNegative();
        assertThat(r.skipped()).isNotNegative();
        assertThat(r.elapsed()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(r.storeFailure()).as("store failure").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("generate MISSING visits only the instances without a record and adds theirs")
    default void missingVisitsOnlyInstancesWithoutRecord(MetadataFormat format) {
        List<String> uids = kit().importStudy(70, 15);
        kit().generate(Kit.generation(Kit.defaults(format)), MetadataScope.ALL);
        kit().agent().records(format).delete(uids.subList(0, 6));
        Map<String, RecordInfo> kept = infos(format, uids.subList(6, 15));

        GenerationResult r = kit().generate(Kit.generation(Kit.alternative(format)), MetadataScope.MISSING);

        assertThat(r.total()).isEqualTo(6);
        assertThat(r.processed()).isEqualTo(6);
        assertThat(r.written()).isEqualTo(6);
        assertThat(r.failed()).isZero();
        assertThat(r.isComplete()).isTrue();
        assertThat(infos(format, uids.subList(6, 15))).as("records that existed are untouched").isEqualTo(kept);
        for (String uid : uids.subList(0, 6)) {
            assertThat(kit().agent().records(format).info(uid).orElseThrow().flags())
                    .isEqualTo(Kit.alternative(format).canonicalFlags());
        }
        kit().assertCounts(format, 15, 15);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("generate EXISTING visits only the instances with a record and replaces it")
    default void existingVisitsOnlyInstancesWithRecord(MetadataFormat format) {
        List<String> uids = kit().importStudy(71, 14);
        kit().generate(Kit.generation(Kit.defaults(format)), MetadataScope.ALL);
        kit().agent().records(format).delete(uids.subList(0, 5));

        GenerationResult r = kit().generate(Kit.generation(Kit.alternative(format)), MetadataScope.EXISTING);

        assertThat(r.total()).isEqualTo(9);
        assertThat(r.processed()).isEqualTo(9);
        assertThat(r.written()).isEqualTo(9);
        assertThat(r.isComplete()).isTrue();
        for (String uid : uids.subList(5, 14)) {
            assertThat(kit().agent().records(format).info(uid).orElseThrow().flags()).as("replaced: %s", uid)
                    .isEqualTo(Kit.alternative(format).canonicalFlags());
        }
        for (String uid : uids.subList(0, 5)) {
            assertThat(kit().agent().records(format).exists(uid)).as("not added: %s", uid).isFalse();
        }
        kit().assertCounts(format, 14, 9);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("generate ALL visits every instance, replacing existing records and adding missing ones")
    default void allVisitsEveryInstance(MetadataFormat format) {
        List<String> uids = kit().importStudy(72, 12);
        kit().generate(Kit.generation(Kit.defaults(format)), MetadataScope.ALL);
        kit().agent().records(format).delete(uids.subList(0, 4));
        long all = kit().agent().records(format).count(MetadataScope.ALL);

        GenerationResult r = kit().generate(Kit.generation(Kit.alternative(format)), MetadataScope.ALL);

        assertThat(r.total()).isEqualTo(all).isEqualTo(12);
        assertThat(r.written()).isEqualTo(12);
        assertThat(r.isComplete()).isTrue();
        assertThat(infos(format, uids).values()).hasSize(12)
                .allSatisfy(i -> assertThat(i.flags()).isEqualTo(Kit.alternative(format).canonicalFlags()));
        kit().assertCounts(format, 12, 12);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataScope.class)
    @DisplayName("total equals count(format, scope) when the run starts")
    default void totalEqualsCountAtStart(MetadataScope scope) {
        List<String> uids = kit().importStudy(73, 10);
        kit().generate(Kit.generation(Kit.defaults(MetadataFormat.JSON)), MetadataScope.ALL);
        kit().agent().json().delete(uids.subList(0, 3));
        long expected = kit().agent().json().count(scope);
        EventRecorder events = new EventRecorder();

        GenerationResult r = kit().generate(Kit.generation(Kit.defaults(MetadataFormat.JSON)), scope, events);

        assertThat(r.total()).isEqualTo(expected);
        assertThat(events.events().get(0)).isInstanceOfSatisfying(GenerationEvent.Starting.class,
                s -> assertThat(s.total()).isEqualTo(expected));
    }

    @Test
    @DisplayName("with two formats the scope is judged per format and total is the size of the union")
    default void twoFormatsJudgedPerFormat() {
        List<String> uids = kit().importStudy(74, 10);
        MetadataOptions both = MetadataOptions.defaults();
        kit().generate(Kit.generation(both), MetadataScope.ALL);
        kit().agent().json().delete(uids.subList(0, 3));     // 0..2: no JSON
        kit().agent().xml().delete(uids.subList(2, 6));      // 2..5: no XML
        Map<String, RecordInfo> jsonKept = infos(MetadataFormat.JSON, uids.subList(3, 10));
        Map<String, RecordInfo> xmlKept = infos(MetadataFormat.XML, List.of(uids.get(0), uids.get(1)));
        xmlKept.putAll(infos(MetadataFormat.XML, uids.subList(6, 10)));

        GenerationResult r = kit().generate(Kit.generation(both), MetadataScope.MISSING);

        assertThat(r.total()).as("instances 0..5 lack one format or both").isEqualTo(6);
        assertThat(r.processed()).isEqualTo(6);
        assertThat(r.written()).as("3 JSON + 4 XML records").isEqualTo(7);
        assertThat(infos(MetadataFormat.JSON, uids.subList(3, 10))).as("JSON of 3..9 untouched").isEqualTo(jsonKept);
        Map<String, RecordInfo> xmlNow = infos(MetadataFormat.XML, List.of(uids.get(0), uids.get(1)));
        xmlNow.putAll(infos(MetadataFormat.XML, uids.subList(6, 10)));
        assertThat(xmlNow).as("XML of 0, 1 and 6..9 untouched").isEqualTo(xmlKept);
        kit().assertCounts(MetadataFormat.JSON, 10, 10);
        kit().assertCounts(MetadataFormat.XML, 10, 10);
    }

    @Test
    @DisplayName("the selection is fixed at the start: instances stored during the run are not visited")
    default void instancesStoredDuringTheRunAreNotVisited() {
        kit().importStudy(75, 20);
        List<Path> late = kit().writeStudy(7500, 3, 0);
        List<String> lateUids = new ArrayList<>();
        EventRecorder events = new EventRecorder(e -> {
            if (e instanceof GenerationEvent.Starting) {
                lateUids.addAll(kit().importFiles(late));
            }
        });

        GenerationResult r = kit().generate(Kit.generation(Kit.defaults(MetadataFormat.JSON)), MetadataScope.MISSING,
                events);

        assertThat(r.total()).isEqualTo(20);
        assertThat(r.processed()).isEqualTo(20);
        assertThat(r.written()).isEqualTo(20);
        assertThat(lateUids).hasSize(3).allSatisfy(uid ->
                assertThat(kit().agent().json().exists(uid)).as("stored during the run: %s", uid).isFalse());
        assertThat(events.updates()).extracting(GenerationEvent.Update::sopInstanceUid).doesNotContainAnyElementsOf(lateUids);
        kit().assertCounts(MetadataFormat.JSON, 23, 20);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("a MISSING run keeps a record someone else wrote after the run started, and counts that instance as skipped")
    default void missingKeepsRecordsWrittenMeanwhile(MetadataFormat format) {
        List<String> uids = kit().importStudy(90, 12);
        List<String> raced = List.of(uids.get(2), uids.get(9));
        EventRecorder events = new EventRecorder(e -> {
            if (e instanceof GenerationEvent.Starting) {
                for (String uid : raced) {
                    kit().agent().records(format).store(kit().read(kit().sourceOf(uid)), uid, Kit.alternative(format),
                            false);
                }
            }
        });

        GenerationResult r = kit().generate(Kit.generation(Kit.defaults(format)), MetadataScope.MISSING, events);

        assertThat(r.total()).isEqualTo(12);
        assertThat(r.processed()).isEqualTo(12);
        assertThat(r.written()).isEqualTo(10);
        assertThat(r.skipped()).as("written by someone else meanwhile").isEqualTo(2);
        assertThat(r.failed()).isZero();
        for (String uid : raced) {
            assertThat(kit().agent().records(format).info(uid).orElseThrow().flags()).as("kept: %s", uid)
                    .isEqualTo(Kit.alternative(format).canonicalFlags());
        }
        kit().assertCounts(format, 12, 12);
    }

    @Test
    @DisplayName("instances deleted during the run are skipped without error and leave no record")
    default void instancesDeletedDuringTheRunAreSkipped() {
        List<String> uids = new ArrayList<>(kit().importStudy(76, 20));
        uids.sort(null);
        List<String> doomed = List.of(uids.get(15), uids.get(17), uids.get(19));
        EventRecorder events = new EventRecorder(e -> {
            if (e instanceof GenerationEvent.Starting) {
                kit().agent().deleteInstances(doomed);
            }
        });

        GenerationResult r = kit().generate(Kit.generation(Kit.defaults(MetadataFormat.JSON)).withWorkers(1),
                MetadataScope.MISSING, events);

        assertThat(r.total()).isEqualTo(20);
        assertThat(r.processed()).isEqualTo(20);
        assertThat(r.failed()).as("deletions are not failures").isZero();
        assertThat(r.failures()).isEmpty();
        assertThat(r.skipped()).isEqualTo(3);
        assertThat(r.written()).isEqualTo(17);
        for (String uid : doomed) {
            assertThat(kit().agent().json().exists(uid)).isFalse();
            assertThat(kit().store().getRecord(MetadataFormat.JSON, uid)).isEmpty();
        }
        kit().assertCounts(MetadataFormat.JSON, 17, 17);
    }

    @Test
    @DisplayName("events arrive in order, one at a time: starting once, an update per instance, completed exactly once")
    default void eventsInOrder() {
        List<String> uids = kit().importStudy(77, 25);
        EventRecorder events = new EventRecorder();

        GenerationResult r = kit().generate(Kit.generation(MetadataOptions.defaults()).withWorkers(3),
                MetadataScope.ALL, events);

        assertThat(events.awaitCompleted(10)).as("Completed delivered").isTrue();
        List<GenerationEvent> all = events.events();
        assertThat(events.overlaps()).as("events delivered concurrently").isZero();
        assertThat(all.get(0)).isInstanceOfSatisfying(GenerationEvent.Starting.class,
                s -> assertThat(s.total()).isEqualTo(25));
        assertThat(all.stream().filter(e -> e instanceof GenerationEvent.Starting)).hasSize(1);
        assertThat(all.get(all.size() - 1)).isInstanceOfSatisfying(GenerationEvent.Completed.class,
                c -> assertThat(c.result()).isEqualTo(r));
        assertThat(all.stream().filter(e -> e instanceof GenerationEvent.Completed)).hasSize(1);
        List<GenerationEvent.Update> updates = events.updates();
        assertThat(updates).hasSize(25);
        for (int i = 0; i < updates.size(); i++) {
            GenerationEvent.Update u = updates.get(i);
            assertThat(u.processed()).as("update %d", i).isEqualTo(i + 1);
            assertThat(u.total()).isEqualTo(25);
            assertThat(u.failed()).isZero();
            assertThat(u.failure()).isEmpty();
        }
        assertThat(updates).extracting(GenerationEvent.Update::sopInstanceUid).containsExactlyInAnyOrderElementsOf(uids);
        assertThat(updates.get(24).written()).isEqualTo(50);
        assertThat(all).allSatisfy(e -> assertThat(e.run()).isNotNull());
    }

    @Test
    @DisplayName("a run with nothing to do starts with total 0 and completes")
    default void emptySelection() {
        kit().importStudy(78, 3);
        kit().generate(Kit.generation(Kit.defaults(MetadataFormat.XML)), MetadataScope.ALL);
        EventRecorder events = new EventRecorder();

        GenerationResult r = kit().generate(Kit.generation(Kit.defaults(MetadataFormat.XML)), MetadataScope.MISSING,
                events);

        assertThat(r.total()).isZero();
        assertThat(r.processed()).isZero();
        assertThat(r.written()).isZero();
        assertThat(r.cancelled()).isFalse();
        assertThat(events.awaitCompleted(10)).isTrue();
        assertThat(events.events()).hasSize(2);
        assertThat(events.events().get(0)).isInstanceOf(GenerationEvent.Starting.class);
        assertThat(events.events().get(1)).isInstanceOf(GenerationEvent.Completed.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("cancel from an event handler stops the run, fires completed with cancelled=true and keeps what was written, whole")
    default void cancelFromHandler(MetadataFormat format) {
        List<String> uids = kit().importStudy(79, 60);
        EventRecorder events = new EventRecorder(e -> {
            if (e instanceof GenerationEvent.Update u && u.processed() == 10) {
                e.run().cancel();
            }
        });

        GenerationResult r = kit().generate(Kit.generation(Kit.defaults(format)).withWorkers(1).withBatchSize(1),
                MetadataScope.MISSING, events);

        assertCancelledAndWhole(format, uids, r, events);
    }

    @Test
    @DisplayName("cancel from another thread through the run's handle stops the run and keeps what was written, whole")
    default void cancelFromAnotherThread() throws Exception {
        List<String> uids = kit().importStudy(80, 60);
        CountDownLatch reached = new CountDownLatch(1);
        AtomicBoolean sawCancelRequest = new AtomicBoolean();
        EventRecorder events = new EventRecorder(e -> {
            if (e instanceof GenerationEvent.Update u && u.processed() == 5) {
                reached.countDown();
                // Hold the run here until the test thread has asked it to stop.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!e.run().isCancelRequested() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                sawCancelRequest.set(e.run().isCancelRequested());
            }
        });

        GenerationRun run = kit().agent().generate(
                Kit.generation(Kit.defaults(MetadataFormat.JSON)).withWorkers(2).withBatchSize(1),
                MetadataScope.MISSING, events);
        assertThat(reached.await(30, TimeUnit.SECONDS)).as("five instances processed").isTrue();
        run.cancel();
        GenerationResult r = run.await(Kit.RUN_TIMEOUT).orElseThrow(() -> new AssertionError("run did not stop"));

        assertThat(sawCancelRequest).as("the handle's cancel request is visible to the run").isTrue();
        assertThat(run.isCancelRequested()).isTrue();
        assertThat(run.completion().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(r);
        assertCancelledAndWhole(MetadataFormat.JSON, uids, r, events);
    }

    private void assertCancelledAndWhole(MetadataFormat format, List<String> uids, GenerationResult r,
            EventRecorder events) {
        assertThat(r.cancelled()).isTrue();
        assertThat(r.isComplete()).isFalse();
        assertThat(r.processed()).as("the run stopped before the end").isLessThan(r.total());
        assertThat(r.total()).isEqualTo(uids.size());
        assertConsistent(r);
        assertThat(events.awaitCompleted(10)).isTrue();
        List<GenerationEvent> all = events.events();
        assertThat(all.stream().filter(e -> e instanceof GenerationEvent.Completed)).hasSize(1);
        assertThat(all.get(all.size() - 1)).isInstanceOfSatisfying(GenerationEvent.Completed.class,
                c -> assertThat(c.result().cancelled()).isTrue());
        MetadataRecords records = kit().agent().records(format);
        long existing = records.count(MetadataScope.EXISTING);
        assertThat(existing).as("everything written is kept, and only that").isEqualTo(r.written());
        kit().assertCounts(format, uids.size(), existing);
        for (String uid : uids) {
            Optional<byte[]> bytes = records.get(uid);
            if (bytes.isPresent()) {
                RecordInfo info = records.info(uid).orElseThrow();
                assertThat(info.sha256()).as("record of %s is whole", uid).isEqualTo(Kit.sha256(bytes.get()));
                assertThat(info.size()).isEqualTo(bytes.get().length);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("generate MISSING after a cancel finishes exactly the remainder")
    default void missingResumesAfterCancel(MetadataFormat format) {
        List<String> uids = kit().importStudy(81, 60);
        EventRecorder first = new EventRecorder(e -> {
            if (e instanceof GenerationEvent.Update u && u.processed() == 20) {
                e.run().cancel();
            }
        });
        GenerationResult cancelled = kit().generate(Kit.generation(Kit.defaults(format)).withBatchSize(1),
                MetadataScope.MISSING, first);
        assertThat(cancelled.cancelled()).isTrue();
        Map<String, RecordInfo> before = infos(format, uids);
        long missing = kit().agent().records(format).count(MetadataScope.MISSING);
        assertThat(missing).isEqualTo(60 - before.size()).isPositive();

        EventRecorder second = new EventRecorder();
        GenerationResult resumed = kit().generate(Kit.generation(Kit.defaults(format)), MetadataScope.MISSING, second);

        assertThat(resumed.total()).isEqualTo(missing);
        assertThat(resumed.written()).isEqualTo(missing);
        assertThat(resumed.isComplete()).isTrue();
        Set<String> visited = new HashSet<>();
        second.updates().forEach(u -> assertThat(visited.add(u.sopInstanceUid())).as("visited twice: %s",
                u.sopInstanceUid()).isTrue());
        assertThat(visited).doesNotContainAnyElementsOf(before.keySet());
        Map<String, RecordInfo> after = infos(format, uids);
        before.forEach((uid, info) -> assertThat(after.get(uid)).as("kept: %s", uid).isEqualTo(info));
        kit().assertCounts(format, 60, 60);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("generate EXISTING or ALL twice with the same flags gives byte-identical records")
    default void idempotent(MetadataFormat format) {
        List<String> uids = kit().importStudy(82, 12);
        RenderOptions options = Kit.alternative(format);
        kit().generate(Kit.generation(options), MetadataScope.ALL);
        Map<String, RecordInfo> first = infos(format, uids);
        Map<String, byte[]> firstBytes = new HashMap<>();
        uids.forEach(u -> firstBytes.put(u, kit().agent().records(format).get(u).orElseThrow()));

        for (MetadataScope scope : List.of(MetadataScope.EXISTING, MetadataScope.ALL)) {
            GenerationResult r = kit().generate(Kit.generation(options), scope);
            assertThat(r.written()).isEqualTo(12);
            Map<String, RecordInfo> again = infos(format, uids);
            for (String uid : uids) {
                assertThat(again.get(uid).sha256()).as("%s after %s", uid, scope).isEqualTo(first.get(uid).sha256());
                assertThat(kit().agent().records(format).get(uid).orElseThrow()).isEqualTo(firstBytes.get(uid));
            }
        }
    }

    @Test
    @DisplayName("the number of workers changes nothing in the records written")
    default void workersChangeNothing() {
        List<String> uids = kit().importStudy(83, 24);
        GenerationOptions options = Kit.generation(MetadataOptions.defaults());

        GenerationResult one = kit().generate(options.withWorkers(1), MetadataScope.ALL);
        Map<String, RecordInfo> json = infos(MetadataFormat.JSON, uids);
        Map<String, RecordInfo> xml = infos(MetadataFormat.XML, uids);
        GenerationResult four = kit().generate(options.withWorkers(4).withBatchSize(5), MetadataScope.ALL);

        assertThat(one.written()).isEqualTo(48);
        assertThat(four.written()).isEqualTo(48);
        assertThat(four.isComplete()).isTrue();
        Map<String, RecordInfo> json4 = infos(MetadataFormat.JSON, uids);
        Map<String, RecordInfo> xml4 = infos(MetadataFormat.XML, uids);
        for (String uid : uids) {
            assertThat(json4.get(uid).sha256()).isEqualTo(json.get(uid).sha256());
            assertThat(xml4.get(uid).sha256()).isEqualTo(xml.get(uid).sha256());
        }
    }

    @Test
    @DisplayName("per-instance failures (missing, unreadable or non-DICOM source) are counted and reported with UID and reason while the rest is written")
    default void perInstanceFailures() throws Exception {
        List<String> uids = kit().importStudy(84, 20);
        Path gone = kit().sourceOf(uids.get(3));
        Path gone2 = kit().sourceOf(uids.get(11));
        Path garbage = kit().sourceOf(uids.get(7));
        Path unreadable = kit().sourceOf(uids.get(15));
        Files.delete(unreadable);
        Files.createDirectory(unreadable); // a directory where the file was: exists, but cannot be read as one
        Files.delete(gone);
        Files.delete(gone2);
        Files.write(garbage, "this is not a DICOM file, just text\n".repeat(20).getBytes(StandardCharsets.US_ASCII));
        Set<String> broken = Set.of(uids.get(3), uids.get(11), uids.get(7), uids.get(15));
        EventRecorder events = new EventRecorder();

        GenerationResult r = kit().generate(Kit.generation(MetadataOptions.defaults()), MetadataScope.MISSING, events);

        assertThat(r.total()).isEqualTo(20);
        assertThat(r.processed()).isEqualTo(20);
        assertThat(r.failed()).isEqualTo(4);
        assertThat(r.written()).as("two records for each of 16 instances").isEqualTo(32);
        assertThat(r.isComplete()).isFalse();
        assertThat(r.cancelled()).isFalse();
        assertThat(r.failures()).extracting(InstanceFailure::sopInstanceUid).containsExactlyInAnyOrderElementsOf(broken);
        Map<String, InstanceFailure> byUid = new HashMap<>();
        r.failures().forEach(f -> byUid.put(f.sopInstanceUid(), f));
        assertThat(byUid.get(uids.get(3)).reason()).contains(gone.getFileName().toString());
        assertThat(byUid.get(uids.get(11)).reason()).contains(gone2.getFileName().toString());
        assertThat(byUid.get(uids.get(7)).reason()).contains(garbage.getFileName().toString());
        assertThat(byUid.get(uids.get(15)).reason()).contains(unreadable.getFileName().toString());
        assertThat(r.failures()).allSatisfy(f -> {
            assertThat(f.reason()).isNotBlank();
            assertThat(f.errorType()).isNotBlank();
        });
        List<GenerationEvent.Update> failedUpdates = events.updates().stream()
                .filter(u -> u.failure().isPresent()).toList();
        assertThat(failedUpdates).extracting(GenerationEvent.Update::sopInstanceUid)
                .containsExactlyInAnyOrderElementsOf(broken);
        assertThat(failedUpdates).allSatisfy(u ->
                assertThat(u.failure().orElseThrow().sopInstanceUid()).isEqualTo(u.sopInstanceUid()));
        assertThat(events.updates().get(events.updates().size() - 1).failed()).isEqualTo(4);
        long failedSoFar = 0;
        for (GenerationEvent.Update u : events.updates()) {
            failedSoFar += u.failure().isPresent() ? 1 : 0;
            assertThat(u.failed()).as("failed so far, at the update of %s", u.sopInstanceUid()).isEqualTo(failedSoFar);
        }
        for (String uid : broken) {
            assertThat(kit().agent().json().exists(uid)).isFalse();
            assertThat(kit().agent().xml().exists(uid)).isFalse();
        }
        kit().assertCounts(MetadataFormat.JSON, 20, 16);
        kit().assertCounts(MetadataFormat.XML, 20, 16);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("the result reports total, processed, written, skipped, failed, cancelled and elapsed")
    default void resultFields(MetadataFormat format) {
        List<String> uids = kit().importStudy(85, 9);
        kit().agent().records(format).store(kit().read(kit().sourceOf(uids.get(0))), uids.get(0),
                Kit.defaults(format), false);

        GenerationResult r = kit().generate(Kit.generation(Kit.defaults(format)), MetadataScope.MISSING);

        assertThat(r.total()).isEqualTo(8);
        assertThat(r.processed()).isEqualTo(8);
        assertThat(r.written()).isEqualTo(8);
        assertThat(r.skipped()).isZero();
        assertThat(r.failed()).isZero();
        assertThat(r.failures()).isEmpty();
        assertThat(r.cancelled()).isFalse();
        assertThat(r.storeFailure()).isEmpty();
        assertThat(r.elapsed()).isPositive();
        assertThat(r.isComplete()).isTrue();
        assertConsistent(r);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetadataFormat.class)
    @DisplayName("generated records carry their provenance: flags, codec version, size and a SHA-256 of the bytes")
    default void generatedProvenance(MetadataFormat format) {
        List<String> uids = kit().importStudy(86, 4);
        RenderOptions options = format == MetadataFormat.JSON ? JsonOptions.defaults() : XmlOptions.defaults();
        java.time.Instant start = java.time.Instant.now().minusSeconds(2);

        kit().generate(Kit.generation(options), MetadataScope.ALL);

        java.time.Instant end = java.time.Instant.now().plusSeconds(2);
        for (String uid : uids) {
            byte[] bytes = kit().agent().records(format).get(uid).orElseThrow();
            RecordInfo info = kit().agent().records(format).info(uid).orElseThrow();
            assertThat(info.sopInstanceUid()).isEqualTo(uid);
            assertThat(info.format()).isEqualTo(format);
            assertThat(info.flags()).isEqualTo(options.canonicalFlags());
            assertThat(info.codecVersion()).isEqualTo(CodecVersion.VERSION);
            assertThat(info.size()).isEqualTo(bytes.length);
            assertThat(info.sha256()).isEqualTo(Kit.sha256(bytes));
            assertThat(info.writtenAt()).isBetween(start, end);
        }
    }

    @Test
    @DisplayName("a failure of the store itself ends the run with a store failure, completed fires once, and what was written is kept whole")
    default void storeFailureEndsTheRun() {
        List<String> uids = kit().importStudy(87, 30);
        StoreSpy spy = StoreSpy.on(kit().store())
                .failing("putRecords", n -> n >= 3 ? new BackendException("kit: the disk caught fire (batch " + n + ")")
                        : null);
        EventRecorder events = new EventRecorder();
        GenerationResult r;
        try (MetadataAgent agent = MetadataAgents.of(spy.store())) {
            GenerationRun run = agent.generate(Kit.generation(Kit.defaults(MetadataFormat.JSON)).withWorkers(1)
                    .withBatchSize(4), MetadataScope.MISSING, events);
            r = run.await(Kit.RUN_TIMEOUT).orElseThrow(() -> new AssertionError("run did not end after a store failure"));
        }

        assertThat(r.storeFailure()).as("store failure").isPresent();
        assertThat(r.storeFailure().orElseThrow()).contains("disk caught fire");
        assertThat(r.isComplete()).isFalse();
        assertThat(r.processed()).isLessThan(r.total());
        assertThat(events.awaitCompleted(10)).as("Completed delivered").isTrue();
        assertThat(events.events().stream().filter(e -> e instanceof GenerationEvent.Completed)).hasSize(1);
        assertThat(events.events().get(events.events().size() - 1)).isInstanceOf(GenerationEvent.Completed.class);
        long existing = kit().agent().json().count(MetadataScope.EXISTING);
        assertThat(existing).as("the two batches written before the failure, and nothing else").isEqualTo(r.written())
                .isBetween(2L, 8L);
        for (String uid : uids) {
            kit().agent().json().get(uid).ifPresent(bytes -> assertThat(
                    kit().agent().json().info(uid).orElseThrow().sha256()).isEqualTo(Kit.sha256(bytes)));
        }
        kit().assertCounts(MetadataFormat.JSON, 30, existing);
    }

    @Test
    @DisplayName("a transient store failure (backend unavailable) during a run is retried and the run completes")
    default void transientStoreFailureIsRetried() {
        List<String> uids = kit().importStudy(88, 12);
        StoreSpy spy = StoreSpy.on(kit().store())
                .failing("putRecords", n -> n == 2 ? new BackendUnavailableException("kit: backend blinked", null) : null);
        GenerationResult r;
        try (MetadataAgent agent = MetadataAgents.of(spy.store())) {
            r = agent.generate(Kit.generation(Kit.defaults(MetadataFormat.XML)).withBatchSize(3), MetadataScope.MISSING,
                    GenerationListener.NONE).await(Kit.RUN_TIMEOUT)
                    .orElseThrow(() -> new AssertionError("run did not end"));
        }

        assertThat(r.storeFailure()).isEmpty();
        assertThat(r.isComplete()).isTrue();
        assertThat(r.written()).isEqualTo(12);
        assertThat(uids).allSatisfy(uid -> assertThat(kit().agent().xml().exists(uid)).isTrue());
        kit().assertCounts(MetadataFormat.XML, 12, 12);
    }

    @Test
    @DisplayName("a run batches its writes: no batch is larger than the batch size, and batches hold several instances' records")
    default void writesAreBatched() {
        kit().importStudy(89, 40);
        StoreSpy spy = StoreSpy.on(kit().store());
        GenerationResult r;
        try (MetadataAgent agent = MetadataAgents.of(spy.store())) {
            r = agent.generate(Kit.generation(MetadataOptions.defaults()).withWorkers(2).withBatchSize(10),
                    MetadataScope.MISSING, GenerationListener.NONE).await(Kit.RUN_TIMEOUT)
                    .orElseThrow(() -> new AssertionError("run did not end"));
        }

        assertThat(r.written()).isEqualTo(80);
        List<Integer> batches = spy.recordBatchSizes();
        assertThat(batches).allSatisfy(n -> assertThat(n).isBetween(1, 10));
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(80);
        // Two records per instance: a batch of more than two holds several instances' records. (A writer that
        // flushed after every instance would still make fewer than 80 calls, so that alone proves nothing.)
        assertThat(batches).as("record batch sizes").anySatisfy(n -> assertThat(n).isGreaterThan(2));
        assertThat(batches.size()).as("putRecords calls for 40 instances").isLessThan(40);
    }
}
