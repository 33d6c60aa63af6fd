package org.dicommeta.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.dicommeta.domain.GenerationEvent;
import org.dicommeta.domain.GenerationListener;

/**
 * A listener that records every event of a run, notices events delivered concurrently, and can run an
 * action on each event (to cancel, or to change the store during the run).
 */
public final class EventRecorder implements GenerationListener {

    private final List<GenerationEvent> events = new ArrayList<>();
    private final AtomicInteger inHandler = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final CountDownLatch completed = new CountDownLatch(1);
    private final Consumer<GenerationEvent> action;

    /** Records only. */
    public EventRecorder() {
        this(e -> { });
    }

    /** Records, then runs {@code action} on the delivering thread. */
    public EventRecorder(Consumer<GenerationEvent> action) {
        this.action = action;
    }

    @Override
    public void onEvent(GenerationEvent event) {
        if (inHandler.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        try {
            synchronized (events) {
                events.add(event);
            }
            action.accept(event);
        } finally {
            inHandler.decrementAndGet();
            if (event instanceof GenerationEvent.Completed) {
                completed.countDown();
            }
        }
    }

    /** Waits until Completed was delivered; false on timeout. */
    public boolean awaitCompleted(long seconds) {
        try {
            return completed.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The events so far, in delivery order. */
    public List<GenerationEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The Update events so far, in delivery order. */
    public List<GenerationEvent.Update> updates() {
        List<GenerationEvent.Update> out = new ArrayList<>();
        for (GenerationEvent e : events()) {
            if (e instanceof GenerationEvent.Update u) {
                out.add(u);
            }
        }
        return out;
    }

    /** How many times an event was delivered while another was still being handled. */
    public int overlaps() {
        return overlaps.get();
    }
}
