package org.patchmap.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kubernetes manifests agree with the services they deploy (ports, probes) and with kustomize. */
class KubernetesManifestsTest {
    private static final Path K8S = Path.of("kubernetes");
    private static final Path BASE = K8S.resolve("base");
    private static final List<String> SERVICES =
            List.of("ingest-service", "feature-service", "metadata-service", "embedding-service");

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            var it = new YAMLMapper().readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            }
        }
        return docs;
    }

    /** The default of {@code variable} in the service's application.properties, the value of {@code property}. */
    private static int defaultPort(String service, String property, String variable) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of("..", service, "src/main/resources/application.properties"))) {
            p.load(in);
        }
        Matcher m = Pattern.compile("\\$\\{" + variable + ":(\\d+)}").matcher(p.getProperty(property));
        assertTrue(m.matches(), service + " " + property);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void deploymentsMatchTheirServices() throws IOException {
        for (String service : SERVICES) {
            List<JsonNode> docs = documents(BASE.resolve("services").resolve(service + ".yaml"));
            assertEquals(List.of("Deployment", "Service"), docs.stream().map(d -> d.get("kind").asText()).toList());
            JsonNode container = docs.get(0).at("/spec/template/spec/containers/0");
            int port = defaultPort(service, "quarkus.http.port", "HTTP_PORT");
            int management = defaultPort(service, "quarkus.management.port", "MANAGEMENT_PORT");
            assertEquals(port, container.at("/ports/0/containerPort").asInt(), service);
            assertEquals(String.valueOf(port), container.at("/env/0/value").asText(), service + " HTTP_PORT");
            assertEquals("management", container.at("/ports/1/name").asText(), service);
            assertEquals(management, container.at("/ports/1/containerPort").asInt(), service);
            assertEquals("MANAGEMENT_PORT", container.at("/env/1/name").asText(), service);
            assertEquals(String.valueOf(management), container.at("/env/1/value").asText(),
                    service + " MANAGEMENT_PORT");
            // health answers on the management port only
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
            assertEquals("management", container.at("/readinessProbe/httpGet/port").asText(), service);
            assertEquals("management", container.at("/livenessProbe/httpGet/port").asText(), service);
            assertEquals(port, docs.get(1).at("/spec/ports/0/port").asInt(), service + " Service port");
            assertEquals("management", docs.get(1).at("/spec/ports/1/targetPort").asText(), service);
        }
    }

    @Test
    void prometheusScrapesTheManagementPort() throws IOException {
        JsonNode endpoint = documents(BASE.resolve("monitoring/servicemonitor.yaml")).get(0).at("/spec/endpoints/0");
        assertEquals("management", endpoint.get("port").asText());
        assertEquals("/q/metrics", endpoint.get("path").asText());
    }

    /** Every folder of the base lists every manifest it holds and every sub-folder that is a kustomization. */
    @Test
    void kustomizationsListEveryManifest() throws IOException {
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(BASE)) {
            folders = walk.filter(d -> Files.exists(d.resolve("kustomization.yaml"))).toList();
        }
        assertTrue(folders.size() >= 3, folders.toString());
        for (Path folder : folders) {
            JsonNode k = documents(folder.resolve("kustomization.yaml")).get(0);
            TreeSet<String> listed = new TreeSet<>();
            k.path("resources").forEach(r -> listed.add(r.asText()));
            TreeSet<String> present = new TreeSet<>();
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> Files.isDirectory(f) ? Files.exists(f.resolve("kustomization.yaml"))
                                : f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml"))
                        .map(f -> f.getFileName().toString()).forEach(present::add);
            }
            assertEquals(present, listed, folder.toString());
        }
    }

    @Test
    void dashboardChartsOnlyMetricsTheServicesExpose() throws IOException {
        StringBuilder dash = new StringBuilder();
        try (Stream<Path> files = Files.list(BASE.resolve("monitoring/dashboards"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                dash.append(new ObjectMapper().readTree(f.toFile()));
            }
        }
        StringBuilder code = new StringBuilder();
        for (String module : List.of("patchmap-messaging", "ingest-service", "feature-service", "metadata-service",
                "embedding-service")) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src/main/java"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    code.append(Files.readString(f));
                }
            }
        }
        TreeSet<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("patchmap_([a-z_]+?)(_total|_seconds_sum|_seconds_count|_seconds_max)")
                .matcher(dash.toString());
        while (m.find()) {
            used.add(m.group(1).replace('_', '.'));
        }
        assertTrue(used.containsAll(List.of("dead.letters", "record.duration", "records", "retries",
                "feature.cells", "feature.cell.duration", "feature.nulls", "feature.qc.failures")), used.toString());
        for (String name : used) {
            assertTrue(code.indexOf("\"patchmap." + name + "\"") >= 0, "a service registers patchmap." + name);
        }
    }
}
