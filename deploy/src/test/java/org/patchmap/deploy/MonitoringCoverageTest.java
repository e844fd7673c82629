package org.patchmap.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric a Grafana panel or a Prometheus rule queries is one the services expose, under its exact
 * Prometheus name: PatchMap's own meters as the code registers them (counters, timers, gauges), and the
 * few library meters (JVM, HTTP server, Kafka consumer) as their binders name them.
 */
class MonitoringCoverageTest {
    private static final Path MONITORING = Path.of("kubernetes/base/monitoring");
    private static final Path DASHBOARDS = MONITORING.resolve("dashboards");
    private static final List<String> SERVICES =
            List.of("ingest-service", "feature-service", "metadata-service", "embedding-service");
    private static final List<String> MODULES = List.of("patchmap-messaging", "ingest-service", "feature-service",
            "metadata-service", "embedding-service");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    /**
     * The library meters the dashboards and rules may use: Prometheus name -> the class that names the meter
     * and the literal it names it by. The class is read from the test classpath (the versions the services run).
     */
    private static final Map<String, List<String>> LIBRARY_METERS = Map.of(
            "jvm_memory_used_bytes",
            List.of("io/micrometer/core/instrument/binder/jvm/convention/micrometer/MicrometerJvmMemoryMeterConventions.class", "jvm.memory.used"),
            "http_server_requests_seconds_count",
            List.of("io/quarkus/micrometer/runtime/binder/HttpBinderConfiguration.class", "http.server.requests"),
            "http_server_requests_seconds_sum",
            List.of("io/quarkus/micrometer/runtime/binder/HttpBinderConfiguration.class", "http.server.requests"),
            // Micrometer's KafkaMetrics: "kafka." + the Kafka metric group without "-metrics" + the metric name
            "kafka_consumer_fetch_manager_records_lag",
            List.of("org/apache/kafka/clients/consumer/internals/FetchMetricsRegistry.class", "records-lag"),
            "kafka_consumer_fetch_manager_records_lag_max",
            List.of("org/apache/kafka/clients/consumer/internals/FetchMetricsRegistry.class", "records-lag-max"));

    static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The PromQL of every dashboard panel (by file and title) and every rule (by alert name). */
    static Map<String, String> queries() throws IOException {
        Map<String, String> queries = new TreeMap<>();
        for (Path file : dashboards()) {
            for (JsonNode panel : new ObjectMapper().readTree(file.toFile()).path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.put(file.getFileName() + ": " + panel.path("title").asText() + " "
                            + target.path("refId").asText(), target.path("expr").asText());
                }
            }
        }
        for (JsonNode group : Manifests.documents(MONITORING.resolve("prometheus-rules.yaml")).get(0).at("/spec/groups")) {
            for (JsonNode rule : group.path("rules")) {
                queries.put("rule " + rule.path("alert").asText(), rule.path("expr").asText());
            }
        }
        return queries;
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords or labels. */
    static Set<String> metrics(String promql) {
        String s = promql.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(s);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static String code() throws IOException {
        StringBuilder code = new StringBuilder();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src/main/java"))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    code.append(Files.readString(f)).append('\n');
                }
            }
        }
        return code.toString();
    }

    /**
     * The Prometheus names of PatchMap's meters as Micrometer's Prometheus registry writes them: dots to
     * underscores, the base unit appended, counters {@code _total}, timers {@code _seconds_count}, {@code _sum}
     * and {@code _max}.
     */
    static Set<String> registered(String code) {
        Map<String, String> constants = new HashMap<>();
        Matcher c = Pattern.compile("static final String (\\w+) = \"(patchmap\\.[a-z.]+)\"").matcher(code);
        while (c.find()) {
            constants.put(c.group(1), c.group(2));
        }
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(counter|Counter\\.builder|timer|Timer\\.builder|Gauge\\.builder)"
                + "\\((?:\"(patchmap\\.[a-z.]+)\"|([A-Z_]+)\\b)").matcher(code);
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : constants.get(m.group(3));
            if (name == null) {
                continue;
            }
            String base = name.replace('.', '_');
            if (m.group(1).endsWith("builder")) {
                // the builder's chain up to its register(...)
                int end = code.indexOf("register(", m.end());
                Matcher unit = Pattern.compile("\\.baseUnit\\(\"(\\w+)\"\\)")
                        .matcher(code.substring(m.end(), end < 0 ? m.end() : end));
                if (unit.find() && !base.endsWith("_" + unit.group(1))) {
                    base += "_" + unit.group(1);
                }
            }
            switch (m.group(1)) {
                case "counter", "Counter.builder" -> names.add(base + "_total");
                case "timer", "Timer.builder" -> names.addAll(
                        List.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max"));
                default -> names.add(base);
            }
        }
        return names;
    }

    static String classText(String resource) throws IOException {
        try (InputStream in = MonitoringCoverageTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " on the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theCodeScanFindsEveryKindOfMeter() throws IOException {
        Set<String> registered = registered(code());
        // a counter, a counter with a unit, a timer, a gauge with a unit, a gauge by constant, a multi-gauge
        assertTrue(registered.containsAll(List.of("patchmap_records_total", "patchmap_dandi_download_bytes_total",
                "patchmap_record_duration_seconds_max", "patchmap_ingest_disk_used_bytes", "patchmap_lease_held",
                "patchmap_map_left_off")), registered.toString());
        assertEquals(Set.of("patchmap_map_cells", "patchmap_ingest_disk_used_bytes"),
                metrics("max by (pod) (patchmap_map_cells{service=\"x\"}) / on (pod) "
                        + "rate(patchmap_ingest_disk_used_bytes[5m]) > bool 0.5"));
    }

    @Test
    void everyQueriedMetricIsExposed() throws IOException {
        Set<String> registered = registered(code());
        Map<String, String> queries = queries();
        assertTrue(queries.size() >= 60, "panels and rules read: " + queries.size());
        Set<String> used = new TreeSet<>();
        for (var q : queries.entrySet()) {
            Set<String> metrics = metrics(q.getValue());
            assertTrue(!metrics.isEmpty(), q.getKey() + " queries no metric: " + q.getValue());
            for (String metric : metrics) {
                assertTrue(registered.contains(metric) || LIBRARY_METERS.containsKey(metric),
                        q.getKey() + ": " + metric + " is registered by no service");
                used.add(metric);
            }
        }
        // the library meters: named so by the binders on the services' classpath, binders switched on
        for (String metric : used) {
            List<String> source = LIBRARY_METERS.get(metric);
            if (source != null) {
                assertTrue(classText(source.get(0)).contains(source.get(1)), metric + ": " + source);
            }
        }
        assertTrue(classText("io/micrometer/core/instrument/binder/kafka/KafkaMetrics.class").contains("kafka."));
        for (String service : SERVICES) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(Path.of("..", service, "src/main/resources/application.properties"))) {
                p.load(in);
            }
            assertEquals("true", p.getProperty("quarkus.micrometer.binder.kafka.enabled"), service);
            assertTrue(Files.readString(Path.of("..", service, "pom.xml"))
                    .contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>"), service);
        }
    }

    @Test
    void dashboardsAreConfigMapsForGrafanasSidecar() throws IOException {
        JsonNode k = Manifests.documents(DASHBOARDS.resolve("kustomization.yaml")).get(0);
        assertEquals("1", k.at("/generatorOptions/labels/grafana_dashboard").asText());
        TreeSet<String> generated = new TreeSet<>();
        k.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> generated.add(f.asText())));
        TreeSet<String> present = new TreeSet<>();
        dashboards().forEach(f -> present.add(f.getFileName().toString()));
        assertEquals(present, generated);
        List<String> expected = new ArrayList<>(List.of("patchmap-overview.json"));
        SERVICES.forEach(s -> expected.add("patchmap-" + s + ".json"));
        assertEquals(new TreeSet<>(expected), present);
        TreeSet<String> uids = new TreeSet<>();
        for (Path file : dashboards()) {
            JsonNode dash = new ObjectMapper().readTree(file.toFile());
            uids.add(dash.path("uid").asText());
            TreeSet<Integer> ids = new TreeSet<>();
            dash.path("panels").forEach(p -> ids.add(p.path("id").asInt()));
            assertEquals(dash.path("panels").size(), ids.size(), file + ": panel ids unique");
        }
        assertEquals(present.size(), uids.size(), "dashboard uids unique");
    }

    @Test
    void everyAlertHasARunbookAndTheMapRuleFollowsTheRecomputePolicy() throws IOException {
        JsonNode rules = Manifests.documents(MONITORING.resolve("prometheus-rules.yaml")).get(0);
        assertEquals("kube-prometheus-stack", rules.at("/metadata/labels/release").asText());
        assertEquals("kube-prometheus-stack",
                Manifests.documents(MONITORING.resolve("servicemonitor.yaml")).get(0).at("/metadata/labels/release").asText());
        TreeSet<String> alerts = new TreeSet<>();
        String staleMap = null;
        for (JsonNode group : rules.at("/spec/groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                assertTrue(rule.at("/annotations/summary").asText().length() > 20, alert);
                assertTrue(rule.at("/annotations/runbook").asText().length() > 100, alert);
                if (alert.equals("PatchMapMapStale")) {
                    staleMap = rule.path("expr").asText();
                }
            }
        }
        assertTrue(alerts.containsAll(List.of("PatchMapConsumerLagGrowing", "PatchMapDeadLetters", "PatchMapMapStale",
                "PatchMapDandiPollFailing", "PatchMapUploadErrors", "PatchMapDiskBudgetNearFull")), alerts.toString());
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of("../embedding-service/src/main/resources/application.properties"))) {
            p.load(in);
        }
        assertEquals("${MAP_RECOMPUTE_AFTER:50}", p.getProperty("patchmap.map.recompute-after"));
        assertEquals("${MAP_RECOMPUTE_FRACTION:0.02}", p.getProperty("patchmap.map.recompute-fraction"));
        assertTrue(staleMap.contains("clamp_min(0.02 * patchmap_map_cells, 50)"), staleMap);
    }
}
