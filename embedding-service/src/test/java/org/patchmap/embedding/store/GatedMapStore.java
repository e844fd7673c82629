package org.patchmap.embedding.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.patchmap.deploy.testing.Eventually;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The map store with a gate in front of the pointer flip (the map test profiles enable it): while the gate is
 * closed, a built version is stored and waits to become current, so that a test sees what the API answers
 * during a build however fast or slow the machine is. Open, it is the store itself.
 */
@Alternative
@ApplicationScoped
public class GatedMapStore extends MapStore {
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicReference<String> waiting = new AtomicReference<>();

    /** From now on, a built version waits before it becomes current. */
    public void close() {
        gate = new CountDownLatch(1);
    }

    /** Lets the waiting version (and every later one) become current. */
    public void open() {
        gate.countDown();
    }

    /** The version stored and waiting at the gate, if one is. */
    public Optional<String> waiting() {
        return Optional.ofNullable(waiting.get());
    }

    @Override
    public void makeCurrent(String version) {
        CountDownLatch g = gate;
        waiting.set(version);
        try {
            if (!g.await(Eventually.HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the gate before map " + version + " was never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate before map " + version, e);
        } finally {
            waiting.set(null);
        }
        super.makeCurrent(version);
    }
}
