package org.patchmap.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

    private StackProcess(Process process) {
        this.process = process;
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

    /** The launcher's lines (echoed with "stack> ") up to "Press Ctrl-C", or all of them if it ends first. */
    List<String> linesUntilRunning() throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            System.out.println("stack> " + line);
            out.add(line);
            if (line.startsWith("Press Ctrl-C")) {
                break;
            }
        }
        return out;
    }

    /** SIGTERM: the launcher stops the services, then MongoDB and Kafka. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
