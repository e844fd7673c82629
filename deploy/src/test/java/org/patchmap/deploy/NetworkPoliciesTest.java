package org.patchmap.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NetworkPolicies and Ingresses agree with the services' ports, routes and upload limit. */
class NetworkPoliciesTest {
    private static final Path NETWORK = Path.of("kubernetes/base/network");
    private static final List<String> SERVICES =
            List.of("ingest-service", "feature-service", "metadata-service", "embedding-service");

    private static List<JsonNode> objects(String kind) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(NETWORK)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode doc : Manifests.documents(f)) {
                    if (kind.equals(doc.path("kind").asText())) {
                        found.add(doc);
                    }
                }
            }
        }
        return found;
    }

    private static Properties properties(String service) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of("..", service, "src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static String defaultOf(String service, String property) throws IOException {
        Matcher m = Pattern.compile("\\$\\{\\w+:([^}]+)}").matcher(properties(service).getProperty(property));
        assertTrue(m.matches(), service + " " + property);
        return m.group(1);
    }

    /** Whether a policy's podSelector picks the pods of {@code service}. */
    private static boolean selects(JsonNode policy, String service) {
        JsonNode selector = policy.at("/spec/podSelector");
        if (selector.isEmpty()) {
            return true;
        }
        if (service.equals(selector.at("/matchLabels/app.kubernetes.io~1name").asText())) {
            return true;
        }
        for (JsonNode e : selector.path("matchExpressions")) {
            if (e.path("key").asText().equals("app.kubernetes.io/name") && e.path("operator").asText().equals("In")) {
                for (JsonNode v : e.path("values")) {
                    if (v.asText().equals(service)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void everythingIsDeniedUnlessAllowed() throws IOException {
        JsonNode deny = objects("NetworkPolicy").stream()
                .filter(p -> p.at("/metadata/name").asText().equals("default-deny")).findFirst().orElseThrow();
        assertTrue(deny.at("/spec/podSelector").isEmpty());
        assertEquals("[\"Ingress\",\"Egress\"]", deny.at("/spec/policyTypes").toString());
        assertTrue(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode());
    }

    /** Each service: Prometheus on 9000 in; Kafka 9093 and MongoDB 27017 out; public ports only where routed. */
    @Test
    void eachServiceGetsExactlyItsFlows() throws IOException {
        List<JsonNode> policies = objects("NetworkPolicy");
        Map<String, TreeSet<Integer>> ingressPorts = new TreeMap<>();
        Map<String, TreeSet<Integer>> egressPorts = new TreeMap<>();
        for (String service : SERVICES) {
            TreeSet<Integer> in = new TreeSet<>();
            TreeSet<Integer> out = new TreeSet<>();
            for (JsonNode p : policies) {
                if (!selects(p, service)) {
                    continue;
                }
                p.at("/spec/ingress").forEach(r -> r.path("ports").forEach(port -> in.add(port.path("port").asInt())));
                p.at("/spec/egress").forEach(r -> r.path("ports").forEach(port -> out.add(port.path("port").asInt())));
            }
            ingressPorts.put(service, in);
            egressPorts.put(service, out);
        }
        int management = Integer.parseInt(defaultOf("ingest-service", "quarkus.management.port"));
        assertEquals(9000, management);
        for (String routed : List.of("ingest-service", "feature-service", "embedding-service")) {
            int http = Integer.parseInt(defaultOf(routed, "quarkus.http.port"));
            assertEquals(new TreeSet<>(List.of(http, management)), ingressPorts.get(routed), routed);
        }
        assertEquals(new TreeSet<>(List.of(management)), ingressPorts.get("metadata-service"));
        // DNS, Kafka's TLS listener, MongoDB; ingest also HTTPS to DANDI
        assertEquals(new TreeSet<>(List.of(53, 443, 9093, 27017)), egressPorts.get("ingest-service"));
        for (String service : List.of("feature-service", "metadata-service", "embedding-service")) {
            assertEquals(new TreeSet<>(List.of(53, 9093, 27017)), egressPorts.get(service), service);
        }
    }

    @Test
    void theIngressRoutesThePublicApiAndClosesAdminPaths() throws IOException {
        List<JsonNode> ingresses = objects("Ingress");
        Map<String, String> open = new TreeMap<>();
        TreeSet<String> closed = new TreeSet<>();
        for (JsonNode ing : ingresses) {
            assertEquals("nginx", ing.at("/spec/ingressClassName").asText());
            assertEquals("patchmap-tls", ing.at("/spec/tls/0/secretName").asText());
            boolean denied = ing.at("/metadata/annotations/nginx.ingress.kubernetes.io~1denylist-source-range")
                    .asText().equals("0.0.0.0/0,::/0");
            for (JsonNode path : ing.at("/spec/rules/0/http/paths")) {
                if (denied) {
                    closed.add(path.path("path").asText());
                } else {
                    open.put(path.path("path").asText(), path.at("/backend/service/name").asText());
                }
            }
        }
        assertEquals(Map.of("/", "embedding-service", "/api/uploads", "ingest-service",
                "/api/features", "feature-service", "/api/families", "feature-service"), open);
        assertEquals(new TreeSet<>(List.of("/api/admin", "/q")), closed);
        for (String path : open.keySet()) {
            assertFalse(path.startsWith("/q") || path.startsWith("/api/admin"), path);
        }
        JsonNode uploads = ingresses.stream()
                .filter(i -> i.at("/metadata/name").asText().equals("patchmap-uploads")).findFirst().orElseThrow();
        // nginx's "m" and Quarkus's "M" are both MiB
        assertEquals(defaultOf("ingest-service", "quarkus.http.limits.max-body-size").toLowerCase(),
                uploads.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-body-size").asText());
        for (JsonNode ing : ingresses) {
            if (!ing.at("/metadata/name").asText().equals("patchmap-closed")) {
                assertTrue(ing.at("/metadata/annotations/nginx.ingress.kubernetes.io~1limit-rps").asInt() > 0);
            }
        }
    }
}
