package org.patchmap.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code bin/stack --source DIR}: runs the whole chain on a folder of recordings when DANDI is not
 * reachable. Each NWB/ABF file goes in through ingest-service's upload API (the same path as a
 * user's file: magic-byte check, extraction, {@code patchmap.sweeps}), then the launcher follows
 * each upload until it has a cell with features in feature-service, or its reason, and prints one
 * line per file.
 */
final class SourceFolder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int ingestPort;
    private final int featurePort;

    SourceFolder(int ingestPort, int featurePort) {
        this.ingestPort = ingestPort;
        this.featurePort = featurePort;
    }

    /** The recordings of {@code dir} (by extension only to choose what to send; ingest checks the bytes). */
    static List<Path> recordings(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(nwb|abf)"))
                    .sorted().toList();
        }
    }

    /** Uploads every recording, waits for each outcome (at most {@code timeout} in all), prints them. */
    void run(Path dir, Duration timeout) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<Path> files = recordings(dir);
        System.out.printf("%nsource %s: %d recordings%n", dir, files.size());
        Map<Path, String> uploads = new LinkedHashMap<>();
        for (Path f : files) {
            HttpResponse<String> r = http.send(upload(f), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 202) {
                uploads.put(f, JSON.readTree(r.body()).path("id").asText());
            } else {
                System.out.printf("  %-40s refused (HTTP %d): %s%n", f.getFileName(), r.statusCode(), message(r.body()));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> pending = new ArrayList<>(uploads.keySet());
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (Path f : List.copyOf(pending)) {
                String line = outcome(uploads.get(f));
                if (line != null) {
                    System.out.printf("  %-40s %s%n", f.getFileName(), line);
                    pending.remove(f);
                }
            }
            Thread.sleep(500);
        }
        for (Path f : pending) {
            System.out.printf("  %-40s no outcome within %s (upload %s): see the logs%n", f.getFileName(), timeout,
                    uploads.get(f));
        }
        System.out.printf("source %s: %d files through the chain in %.0f s%n", dir, files.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    /** A line when the upload has ended (cell with features, or failed), else null. */
    private String outcome(String id) throws IOException, InterruptedException {
        JsonNode u = get("http://localhost:" + ingestPort + "/api/uploads/" + id);
        if (u == null) {
            return null;
        }
        String status = u.path("status").asText();
        if (status.equals("failed")) {
            return "no cell: " + u.path("reason").asText();
        }
        String cellId = u.path("cellId").asText(null);
        if (cellId == null || cellId.isEmpty()) {
            return null;
        }
        // cell ids hold '/' (upload:<hex>/<name>): encode each segment, keep the slashes
        StringBuilder path = new StringBuilder();
        for (String segment : cellId.split("/", -1)) {
            path.append(path.length() == 0 ? "" : "/")
                    .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        JsonNode features = get("http://localhost:" + featurePort + "/api/features/" + path);
        return features == null ? null : "cell " + cellId + " with features";
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // a service busy extracting (a timeout) or being started again (no connection): asked again next
            // round, until the run's own timeout
            return null;
        }
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    private HttpRequest upload(Path f) throws IOException {
        String boundary = "patchmap-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + f.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(f));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + ingestPort + "/api/uploads"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private static String message(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.has("error") ? n.get("error").asText() : body;
        } catch (IOException e) {
            return body;
        }
    }
}
