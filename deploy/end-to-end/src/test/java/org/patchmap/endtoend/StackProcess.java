package org.patchmap.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/stack} as a child process, with ports of its own (so that a local stack on the
 * defaults does not get in the way) and never an external Kafka or MongoDB.
 */
final class StackProcess implements AutoCloseable {
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private final Process process;
    /** Every line the launcher printed so far; its monitor is notified at each line and at the end. */
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private StackProcess(Process process) {
        this.process = process;
        // read all along: a launcher whose output nobody reads blocks once the pipe is full
        Thread reader = new Thread(this::read, "stack-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code bin/stack args} with {@code env} added to this process's environment. */
    static StackProcess start(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/stack").toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        pb.environment().remove("MONGODB_URI");
        return new StackProcess(pb.start());
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                System.out.println("stack> " + line);
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            System.out.println("stack> (output closed: " + e.getMessage() + ")");
        } finally {
            synchronized (lines) {
                ended = true;
                lines.notifyAll();
            }
        }
    }

    /** The launcher's lines (echoed with "stack> ") up to the first that starts with {@code prefix}, or all of them if it ends first. */
    List<String> linesUntil(String prefix) throws InterruptedException {
        synchronized (lines) {
            while (true) {
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith(prefix)) {
                        return List.copyOf(lines.subList(0, i + 1));
                    }
                }
                if (ended) {
                    return List.copyOf(lines);
                }
                lines.wait();
            }
        }
    }

    /** The launcher's lines up to "Press Ctrl-C", or all of them if it ends first. */
    List<String> linesUntilRunning() throws InterruptedException {
        return linesUntil("Press Ctrl-C");
    }

    /** Every line printed so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The launcher's children whose command line contains {@code marker} (a service's jar, a main class). */
    List<ProcessHandle> children(String marker) {
        return process.toHandle().children().filter(h -> commandLine(h).contains(marker)).toList();
    }

    /** The whole command line: the JDK's is cut after a few kB on Linux, before a long class path ends. */
    private static String commandLine(ProcessHandle h) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(h.pid()), "cmdline"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return h.info().commandLine().orElse("");
        }
    }

    /** SIGTERM: the launcher stops the services, then MongoDB and Kafka; a child still running is then killed. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.toHandle().children().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        // each child runs in its own session: one the launcher could not stop would outlive the test
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
