package org.patchmap.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both overlays as kustomize renders them: every object valid against its API schema (validate/validate.sh:
 * Kubernetes, KEDA and Prometheus Operator schemas; the Strimzi and MongoDB operators' resources are checked by
 * their own tests), and the policies an operator expects of every workload: images pinned, requests and limits,
 * probes, a locked-down securityContext, no service-account token, a PodDisruptionBudget and a NetworkPolicy.
 */
class RenderedManifestsTest {
    private static final Path K8S = Path.of("kubernetes");
    /** Kinds whose schema is not in the npm models: the operators' custom resources, checked by Java tests. */
    private static final String ELSEWHERE = "Kafka,KafkaNodePool,KafkaTopic,KafkaUser,MongoDBCommunity";
    private static final Pattern SUMMARY = Pattern.compile(
            "validated (\\d+) objects against their schemas; (\\d+) checked elsewhere; 0 invalid");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectMatchesItsSchema(String overlay) throws Exception {
        Run run = run(List.of(K8S.resolve("validate/validate.sh").toString(), overlay, "--elsewhere=" + ELSEWHERE));
        assertEquals(0, run.exit(), run.output());
        String last = run.output().strip().lines().reduce((a, b) -> b).orElse("");
        Matcher m = SUMMARY.matcher(last);
        assertTrue(m.matches(), run.output());
        assertEquals(rendered(overlay).size(), Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)),
                "every rendered object is validated here or elsewhere");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWorkloadFollowsThePolicies(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        List<String> violations = new ArrayList<>();
        int workloads = 0;
        for (JsonNode o : objects) {
            JsonNode pod = podSpec(o);
            if (pod == null) {
                continue;
            }
            workloads++;
            String name = o.get("kind").asText() + "/" + o.at("/metadata/name").asText();
            violations.addAll(PodPolicy.violations(name, pod, o.get("kind").asText().equals("Deployment")));
            if (o.get("kind").asText().equals("Deployment")) {
                JsonNode labels = o.at("/spec/template/metadata/labels");
                if (objects.stream().noneMatch(p -> p.get("kind").asText().equals("PodDisruptionBudget")
                        && selects(p.at("/spec/selector/matchLabels"), labels))) {
                    violations.add(name + ": no PodDisruptionBudget selects its pods");
                }
                if (objects.stream().noneMatch(p -> p.get("kind").asText().equals("NetworkPolicy")
                        && selects(p.at("/spec/podSelector/matchLabels"), labels)
                        && p.at("/spec/policyTypes").toString().contains("Ingress"))) {
                    violations.add(name + ": no NetworkPolicy governs its ingress");
                }
            }
        }
        assertTrue(workloads >= 4, "workloads rendered: " + workloads);
        assertEquals(List.of(), violations);
    }

    /** KEDA reads each consumer group's lag as the service itself: the same Kafka user's password Secret. */
    @ParameterizedTest
    @ValueSource(strings = {"prod"})
    void scalersAuthenticateWithTheirServicesSecrets(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        int checked = 0;
        for (JsonNode auth : objects) {
            if (!auth.get("kind").asText().equals("TriggerAuthentication")) {
                continue;
            }
            String service = auth.at("/metadata/name").asText().replaceFirst("-kafka$", "");
            JsonNode deployment = objects.stream().filter(o -> o.get("kind").asText().equals("Deployment")
                    && o.at("/metadata/name").asText().equals(service)).findFirst().orElseThrow();
            String password = null;
            for (JsonNode e : deployment.at("/spec/template/spec/containers/0/env")) {
                if (e.path("name").asText().equals("KAFKA_SASL_PASSWORD")) {
                    password = e.at("/valueFrom/secretKeyRef/name").asText();
                }
            }
            String scalerSecret = null;
            for (JsonNode ref : auth.at("/spec/secretTargetRef")) {
                if (ref.path("parameter").asText().equals("password")) {
                    scalerSecret = ref.path("name").asText();
                }
            }
            assertEquals("kafka-" + service, password, service);
            assertEquals(password, scalerSecret, service + "'s scaler");
            checked++;
        }
        assertEquals(3, checked, "scalers: ingest, feature and metadata");
    }

    /** The services with admin endpoints verify tokens with the key the ConfigMap names, mounted from its Secret. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void adminTokensAreVerifiedWithTheMountedKey(String overlay) throws Exception {
        List<JsonNode> objects = rendered(overlay);
        String location = objects.stream().filter(o -> o.get("kind").asText().equals("ConfigMap")
                && o.at("/metadata/name").asText().equals("patchmap-config")).findFirst().orElseThrow()
                .at("/data/AUTH_PUBLIC_KEY_LOCATION").asText();
        String folder = location.substring(0, location.lastIndexOf('/'));
        for (String service : List.of("ingest-service", "embedding-service")) {
            JsonNode pod = objects.stream().filter(o -> o.get("kind").asText().equals("Deployment")
                    && o.at("/metadata/name").asText().equals(service)).findFirst().orElseThrow().at("/spec/template/spec");
            String volume = null;
            for (JsonNode m : pod.at("/containers/0/volumeMounts")) {
                if (m.path("mountPath").asText().equals(folder)) {
                    volume = m.path("name").asText();
                }
            }
            String secret = null;
            for (JsonNode v : pod.path("volumes")) {
                if (v.path("name").asText().equals(volume)) {
                    secret = v.at("/secret/secretName").asText();
                }
            }
            assertEquals("patchmap-auth", secret, service + " mounts the token key at " + folder);
        }
    }

    /** The pod spec of a workload (Deployment, StatefulSet, DaemonSet, Job, CronJob), else null. */
    static JsonNode podSpec(JsonNode o) {
        return switch (o.get("kind").asText()) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job" -> o.at("/spec/template/spec");
            case "CronJob" -> o.at("/spec/jobTemplate/spec/template/spec");
            default -> null;
        };
    }

    /** Whether a selector's matchLabels (missing or empty: every pod) all hold in {@code labels}. */
    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (matchLabels.isMissingNode() || matchLabels.isNull()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> rendered(String overlay) throws Exception {
        Run run = run(List.of("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString()));
        assertEquals(0, run.exit(), run.output());
        return Manifests.documents(run.output()).stream().filter(n -> n.has("kind")).toList();
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within 5 minutes:\n" + out);
        }
        return new Run(p.exitValue(), out);
    }
}
