package org.patchmap.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local stack's children, kept running as Kubernetes keeps a pod's containers: a child that
 * exits while the stack runs is started again after a back-off (1 s, doubling to 30 s, back to 1 s
 * once it has run a minute). Each child runs in its own session (setsid) when the system has it, so
 * that Ctrl-C reaches only the launcher, which stops them in reverse order of start.
 */
final class Supervisor {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);

    /** A supervised child: its name, how to start it, what to do once it is started again. */
    private final class Child {
        final String name;
        final int tier;
        final ProcessBuilder builder;
        final Consumer<Long> onRestart;
        volatile Process process;
        volatile long startedAt;
        Duration backoff = FIRST_BACKOFF;
        int restarts;

        Child(String name, int tier, ProcessBuilder builder, Consumer<Long> onRestart) {
            this.name = name;
            this.tier = tier;
            this.builder = builder;
            this.onRestart = onRestart;
        }
    }

    private final Path logs;
    private final List<Child> children = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopping;

    Supervisor(Path logs) {
        this.logs = logs;
    }

    /**
     * Starts {@code pb} as the child {@code name}, its output appended to {@code <logs>/<name>.log}.
     * Children of a higher {@code tier} are stopped before those of a lower one (services before the
     * broker and the database they commit to). {@code onRestart} runs (on the supervisor's thread) after each restart with the time the child
     * exited, in {@link System#nanoTime()}; e.g. to say when a service is ready again.
     */
    Process start(String name, int tier, ProcessBuilder pb, Consumer<Long> onRestart) throws IOException {
        if (Files.isExecutable(SETSID)) {
            List<String> cmd = new ArrayList<>(pb.command());
            cmd.add(0, SETSID.toString());
            pb.command(cmd);
        }
        File log = logs.resolve(name + ".log").toFile();
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        Child child = new Child(name, tier, pb, onRestart);
        launch(child);
        children.add(child);
        System.out.println("started " + name + " (log: " + log + ")");
        return child.process;
    }

    private void launch(Child child) throws IOException {
        child.process = child.builder.start();
        child.startedAt = System.nanoTime();
        Process p = child.process;
        p.onExit().thenAccept(exited -> restart(child, exited));
    }

    private void restart(Child child, Process exited) {
        long exitedAt = System.nanoTime();
        if (stopping) {
            return;
        }
        synchronized (child) {
            if (exitedAt - child.startedAt > STABLE.toNanos()) {
                child.backoff = FIRST_BACKOFF;
            }
            Duration wait = child.backoff;
            child.backoff = child.backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                    : child.backoff.multipliedBy(2);
            child.restarts++;
            System.out.printf("stack: %s exited with code %d; starting it again in %d s (restart %d)%n", child.name,
                    exited.exitValue(), wait.toSeconds(), child.restarts);
            try {
                Thread.sleep(wait.toMillis());
                if (stopping) {
                    return;
                }
                launch(child);
            } catch (IOException e) {
                System.out.println("stack: could not start " + child.name + " again: " + e.getMessage());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        child.onRestart.accept(exitedAt);
    }

    /** Stops every child, tier by tier from the highest, each given 30 s before it is killed. */
    void stopAll() {
        stopping = true;
        List<Child> all = List.copyOf(children);
        all.stream().mapToInt(c -> c.tier).boxed().distinct().sorted(Collections.reverseOrder()).forEach(tier -> {
            List<Child> group = all.stream().filter(c -> c.tier == tier).toList();
            group.forEach(c -> c.process.destroy());
            group.forEach(Supervisor::awaitExit);
        });
    }

    private static void awaitExit(Child c) {
        try {
            if (!c.process.waitFor(30, TimeUnit.SECONDS)) {
                c.process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
