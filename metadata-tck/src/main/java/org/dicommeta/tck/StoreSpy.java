package org.dicommeta.tck;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.dicommeta.ports.MetadataStore;

/**
 * A {@link MetadataStore} in front of the store under test that records the calls it forwards and can
 * make one method fail on chosen calls: the kit's way to watch what reaches the port and to inject
 * store failures without knowing the backend.
 */
final class StoreSpy implements InvocationHandler {

    private final MetadataStore real;
    private final List<String> calls = new ArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Integer> recordBatchSizes = new ArrayList<>();
    private volatile String faultyMethod;
    private volatile IntFunction<RuntimeException> fault;

    private StoreSpy(MetadataStore real) {
        this.real = real;
    }

    static StoreSpy on(MetadataStore real) {
        return new StoreSpy(real);
    }

    /**
     * Makes {@code method} throw what {@code fault} returns for its n-th call (1-based); a null
     * answer lets the call through.
     */
    StoreSpy failing(String method, IntFunction<RuntimeException> fault) {
        this.faultyMethod = method;
        this.fault = fault;
        return this;
    }

    MetadataStore store() {
        return (MetadataStore) Proxy.newProxyInstance(MetadataStore.class.getClassLoader(),
                new Class<?>[] {MetadataStore.class}, this);
    }

    /** The names of the methods called so far, except close and describe. */
    List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The size of each batch passed to putRecords so far, in call order. */
    List<Integer> recordBatchSizes() {
        synchronized (recordBatchSizes) {
            return List.copyOf(recordBatchSizes);
        }
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
        String name = m.getName();
        if (m.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "StoreSpy[" + real.describe() + "]";
            };
        }
        if (name.equals("close")) {
            return null; // the spy never closes the store under test: the kit does
        }
        if (!name.equals("describe")) {
            synchronized (calls) {
                calls.add(name);
            }
        }
        if (name.equals("putRecords")) {
            synchronized (recordBatchSizes) {
                recordBatchSizes.add(((List<?>) args[0]).size());
            }
        }
        int n = counts.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        if (name.equals(faultyMethod)) {
            RuntimeException e = fault.apply(n);
            if (e != null) {
                throw e;
            }
        }
        try {
            return m.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
