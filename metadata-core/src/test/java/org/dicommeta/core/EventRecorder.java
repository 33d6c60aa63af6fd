package org.dicommeta.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.dicommeta.domain.GenerationEvent;
import org.dicommeta.domain.GenerationListener;

/** Keeps every event, the threads that delivered them, and whether two deliveries ever overlapped. */
final class EventRecorder implements GenerationListener {

    final List<GenerationEvent> events = Collections.synchronizedList(new ArrayList<>());
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger maxInside = new AtomicInteger();
    private final Consumer<GenerationEvent> then;

    EventRecorder() {
        this(e -> { });
    }

    /** Records, then runs {@code then} (which may cancel or throw). */
    EventRecorder(Consumer<GenerationEvent> then) {
        this.then = then;
    }

    @Override
    public void onEvent(GenerationEvent event) {
        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
            events.add(event);
            threads.add(Thread.currentThread().getName());
            then.accept(event);
        } finally {
            inside.decrementAndGet();
        }
    }

    List<GenerationEvent> snapshot() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    <T extends GenerationEvent> List<T> of(Class<T> type) {
        return snapshot().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
