package org.patchmap.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            List<JsonNode> docs = Manifests.documents(BASE.resolve("services").resolve(service + ".yaml"));
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

    private static Properties properties(String service) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of("..", service, "src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    /** Every document of every yaml file under {@code folder}. */
    private static List<JsonNode> allDocuments(Path folder) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml"))
                    .sorted().toList()) {
                docs.addAll(Manifests.documents(f));
            }
        }
        return docs;
    }

    private static JsonNode named(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)
                        && d.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no env " + name);
    }

    @Test
    void servicesRunHardenedUnderAccountsOfTheirOwn() throws IOException {
        List<JsonNode> docs = allDocuments(BASE.resolve("services"));
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher v = Pattern.compile("<artifactId>patchmap-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(v.find());
        String release = v.group(1).replace("-SNAPSHOT", "");
        for (String service : SERVICES) {
            JsonNode pod = named(docs, "Deployment", service).at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            // the image the service's Jib build names: <group>/<quarkus.application.name>:<version>
            Properties p = properties(service);
            assertEquals(p.getProperty("quarkus.container-image.group") + "/" + p.getProperty("quarkus.application.name")
                    + ":" + release, container.get("image").asText(), service);
            assertEquals(service, pod.get("serviceAccountName").asText());
            assertEquals("false", pod.get("automountServiceAccountToken").asText(), service);
            assertEquals("false", named(docs, "ServiceAccount", service).get("automountServiceAccountToken").asText());
            JsonNode security = container.get("securityContext");
            assertEquals("true", security.get("runAsNonRoot").asText(), service);
            assertEquals("true", security.get("readOnlyRootFilesystem").asText(), service);
            assertEquals("false", security.get("allowPrivilegeEscalation").asText(), service);
            assertEquals("[\"ALL\"]", security.at("/capabilities/drop").toString(), service);
            assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(), service);
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText(), service);
            assertEquals("management", container.at("/startupProbe/httpGet/port").asText(), service);
            // what the service writes lies on a volume: the root filesystem is read-only
            TreeSet<String> mounts = new TreeSet<>();
            container.path("volumeMounts").forEach(m -> mounts.add(m.get("mountPath").asText()));
            assertTrue(mounts.contains("/tmp"), service + " " + mounts);
            for (JsonNode e : container.path("env")) {
                if (e.path("name").asText().endsWith("_DIR")) {
                    String dir = e.get("value").asText();
                    assertTrue(mounts.stream().anyMatch(m -> dir.startsWith(m + "/") || dir.equals(m)), dir);
                }
            }
            assertEquals(container.at("/resources/requests/memory"), container.at("/resources/limits/memory"),
                    service + ": the heap is a share of the limit, so no more may be promised than requested");
            JsonNode budget = named(docs, "PodDisruptionBudget", service);
            assertEquals(named(docs, "Deployment", service).at("/spec/selector/matchLabels"),
                    budget.at("/spec/selector/matchLabels"), service);
        }
    }

    /** Each ScaledObject watches the consumer groups and topics its service really reads, as its own Kafka user. */
    @Test
    void scalersWatchTheGroupsTheirServicesConsumeIn() throws IOException {
        List<JsonNode> services = allDocuments(BASE.resolve("services"));
        List<JsonNode> scaling = allDocuments(BASE.resolve("scaling"));
        List<String> scaled = scaling.stream().filter(d -> d.get("kind").asText().equals("ScaledObject"))
                .map(d -> d.at("/metadata/name").asText()).toList();
        assertEquals(List.of("feature-service", "ingest-service", "metadata-service"), scaled);
        for (String service : scaled) {
            JsonNode scaler = named(scaling, "ScaledObject", service);
            assertEquals(service, scaler.at("/spec/scaleTargetRef/name").asText());
            assertEquals(1, scaler.at("/spec/minReplicaCount").asInt(), service);
            assertEquals(6, scaler.at("/spec/maxReplicaCount").asInt(), service + ": the topics' partitions");
            Properties p = properties(service);
            TreeSet<String> consumed = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                    String channel = key.substring(0, key.length() - ".group.id".length());
                    consumed.add(p.getProperty(key) + " " + p.getProperty(channel + ".topic"));
                }
            }
            JsonNode container = named(services, "Deployment", service).at("/spec/template/spec/containers/0");
            for (JsonNode trigger : scaler.at("/spec/triggers")) {
                assertEquals("kafka", trigger.get("type").asText());
                JsonNode m = trigger.get("metadata");
                String watched = m.get("consumerGroup").asText() + " " + m.get("topic").asText();
                assertTrue(consumed.contains(watched), service + " consumes " + consumed + ", not " + watched);
                assertEquals("KAFKA_BOOTSTRAP_SERVERS", m.get("bootstrapServersFromEnv").asText());
                assertTrue(Integer.parseInt(m.get("lagThreshold").asText()) > 0, service);
                assertEquals("scram_sha512", m.get("sasl").asText(), service);
                assertEquals("SCRAM-SHA-512", env(container, "KAFKA_SASL_MECHANISM").get("value").asText());
                JsonNode auth = named(scaling, "TriggerAuthentication",
                        trigger.at("/authenticationRef/name").asText());
                assertEquals("KAFKA_SASL_USERNAME", auth.at("/spec/env/0/name").asText(), service);
                assertEquals(service, auth.at("/spec/env/0/containerName").asText());
                assertEquals("password", auth.at("/spec/secretTargetRef/0/parameter").asText());
                // the same Secret, by reference, as the service's own login
                assertEquals(env(container, "KAFKA_SASL_PASSWORD").at("/valueFrom/secretKeyRef"),
                        ((ObjectNode) auth.at("/spec/secretTargetRef/0").deepCopy()).without(List.of("parameter")), service);
            }
        }
    }

    @Test
    void prometheusScrapesTheManagementPort() throws IOException {
        JsonNode endpoint = Manifests.documents(BASE.resolve("monitoring/servicemonitor.yaml")).get(0).at("/spec/endpoints/0");
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
            JsonNode k = Manifests.documents(folder.resolve("kustomization.yaml")).get(0);
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
