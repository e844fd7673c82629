package org.patchmap.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.Test;
import org.patchmap.events.Topics;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Strimzi resources of the Kubernetes base (kubernetes/base/kafka) and the dev overlay's patches of
 * them, read into Strimzi's own Java model (io.strimzi:api 0.51, whose kafka.strimzi.io/v1 is the API of
 * the Strimzi 1.2 operator) strictly: an unknown field fails, whether Jackson meets it or the model keeps
 * it aside (its additionalProperties). Then: every topic of
 * {@link Topics} and its dead-letter topic is declared, and each service's KafkaUser may do exactly what
 * its application.properties use, on topics that exist.
 */
class StrimziResourcesTest {
    private static final Path K8S = Path.of("kubernetes");
    private static final Path KAFKA = K8S.resolve("base/kafka");
    private static final List<String> SERVICES =
            List.of("ingest-service", "feature-service", "metadata-service", "embedding-service");
    private static final Map<String, Class<?>> MODEL = Map.of("Kafka", Kafka.class, "KafkaNodePool",
            KafkaNodePool.class, "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);
    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Every Strimzi object of {@code files}, read strictly into its model class. */
    private static List<Object> strimziObjects(List<Path> files) throws IOException {
        List<Object> objects = new ArrayList<>();
        for (Path file : files) {
            for (JsonNode doc : Manifests.documents(file)) {
                assertEquals("kafka.strimzi.io/v1", doc.path("apiVersion").asText(), file + " " + doc.path("kind"));
                Class<?> type = MODEL.get(doc.path("kind").asText());
                assertTrue(type != null, file + ": no model for " + doc.path("kind"));
                Object object = STRICT.treeToValue(doc, type);
                assertNoUnknownFields(object, file + " " + doc.path("kind").asText() + " "
                        + doc.at("/metadata/name").asText(), new IdentityHashMap<>());
                objects.add(object);
            }
        }
        return objects;
    }

    /**
     * Fails when a model object under {@code value} kept a field it does not know: Strimzi's and fabric8's
     * classes take unknown fields into additionalProperties instead of refusing them.
     */
    private static void assertNoUnknownFields(Object value, String where, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            items.forEach(i -> assertNoUnknownFields(i, where, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.strimzi.api") && !pkg.startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            boolean getter = m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && m.getName().startsWith("get") && !m.getName().equals("getClass");
            if (!getter) {
                continue;
            }
            Object got;
            try {
                got = m.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (got instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    fail(where + ": unknown fields " + extra.keySet() + " in " + value.getClass().getSimpleName());
                }
            } else if (!(got instanceof Map)) {
                assertNoUnknownFields(got, where, seen);
            }
        }
    }

    private static List<Path> yamlFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml"))
                    .sorted().toList();
        }
    }

    private static <T> List<T> ofType(List<Object> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> topicsOfCode() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (var field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }

    @Test
    void everyStrimziObjectReadsStrictlyIntoStrimzisModel() throws IOException {
        List<Object> base = strimziObjects(yamlFiles(KAFKA));
        assertEquals(1, ofType(base, Kafka.class).size());
        assertEquals(1, ofType(base, KafkaNodePool.class).size());
        assertEquals(12, ofType(base, KafkaTopic.class).size());
        assertEquals(5, ofType(base, KafkaUser.class).size());
        assertEquals(19, base.size());
        // the dev overlay's patch of the cluster and its node pool
        assertEquals(2, strimziObjects(List.of(K8S.resolve("overlays/dev/kafka-single-broker.yaml"))).size());
    }

    @Test
    void aMisspeltFieldIsRefused() throws IOException {
        String misspelt = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: patchmap}}
                spec: {topicName: t, partitions: 1, replicas: 3, replica: 2}
                """;
        JsonNode doc = new YAMLMapper().readTree(misspelt);
        assertFalse(tryRead(doc, KafkaTopic.class), "spec.replica accepted");
        String inAcl = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: u, labels: {strimzi.io/cluster: patchmap}}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls: [{resource: {type: topic, name: t}, operatons: [Read]}]
                """;
        assertFalse(tryRead(new YAMLMapper().readTree(inAcl), KafkaUser.class), "acls[0].operatons accepted");
    }

    private static boolean tryRead(JsonNode doc, Class<?> type) {
        try {
            assertNoUnknownFields(STRICT.treeToValue(doc, type), "test", new IdentityHashMap<>());
            return true;
        } catch (IOException | AssertionError e) {
            return false;
        }
    }

    @Test
    void theClusterIsKraftWithScramOverTlsAndSimpleAuthorization() throws IOException {
        List<Object> base = strimziObjects(yamlFiles(KAFKA));
        Kafka kafka = ofType(base, Kafka.class).get(0);
        assertEquals("patchmap", kafka.getMetadata().getName());
        List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();
        assertEquals(1, listeners.size());
        assertEquals(9093, listeners.get(0).getPort());
        assertTrue(listeners.get(0).isTls());
        assertInstanceOf(KafkaListenerAuthenticationScramSha512.class, listeners.get(0).getAuth());
        assertInstanceOf(KafkaAuthorizationSimple.class, kafka.getSpec().getKafka().getAuthorization());
        assertEquals(false, kafka.getSpec().getKafka().getConfig().get("auto.create.topics.enable"));
        assertEquals(2, kafka.getSpec().getKafka().getConfig().get("min.insync.replicas"));
        // fields of v1beta2 that the 0.51 model still reads and v1 dropped: node pools hold them
        assertEquals(null, kafka.getSpec().getKafka().getReplicas());
        assertEquals(null, kafka.getSpec().getKafka().getStorage());
        KafkaNodePool pool = ofType(base, KafkaNodePool.class).get(0);
        assertEquals(3, pool.getSpec().getReplicas());
        assertEquals(Set.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER), Set.copyOf(pool.getSpec().getRoles()));
        assertEquals("patchmap", pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertEquals("kafka-", kafka.getSpec().getEntityOperator().getUserOperator().getSecretPrefix());
    }

    @Test
    void everyTopicOfTheCodeAndItsDeadLetterTopicIsDeclared() throws Exception {
        List<String> code = topicsOfCode();
        assertEquals(6, code.size(), code.toString());
        TreeSet<String> expected = new TreeSet<>(code);
        code.forEach(t -> expected.add(Topics.deadLetter(t)));
        Map<String, KafkaTopic> declared = new TreeMap<>();
        for (KafkaTopic t : ofType(strimziObjects(yamlFiles(KAFKA)), KafkaTopic.class)) {
            assertEquals(null, declared.put(t.getSpec().getTopicName(), t), "declared twice");
            assertEquals("patchmap", t.getMetadata().getLabels().get("strimzi.io/cluster"));
        }
        assertEquals(expected, declared.keySet());
        assertEquals(12, declared.size());
        for (KafkaTopic t : declared.values()) {
            String name = t.getSpec().getTopicName();
            Map<String, Object> config = t.getSpec().getConfig();
            assertEquals(3, t.getSpec().getReplicas(), name);
            assertEquals(2, config.get("min.insync.replicas"), name);
            int partitions = name.endsWith(".dlq") ? 1 : name.equals(Topics.MAPS) ? 3 : 6;
            assertEquals(partitions, t.getSpec().getPartitions(), name);
            assertEquals(name.equals(Topics.MAPS) ? "compact,delete" : "delete", config.get("cleanup.policy"), name);
            long retentionDays = ((Number) config.get("retention.ms")).longValue() / 86_400_000L;
            long expectedDays = name.endsWith(".dlq") ? 14 : name.equals(Topics.UPLOADS_EXPIRED) ? 30 : 7;
            assertEquals(expectedDays, retentionDays, name);
        }
    }

    /** A service's channels in its application.properties: topic of each incoming and outgoing channel. */
    private record Channels(Set<String> consumed, Set<String> produced, Set<String> groups) {
    }

    private static Channels channels(String service) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(Path.of("..", service, "src/main/resources/application.properties"))) {
            p.load(in);
        }
        Set<String> consumed = new TreeSet<>();
        Set<String> produced = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                consumed.add(p.getProperty(key));
            } else if (key.startsWith("mp.messaging.outgoing.") && key.endsWith(".topic")) {
                produced.add(p.getProperty(key));
            } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                groups.add(p.getProperty(key));
            }
        }
        // The dead-letter channel's own topic is only its default: EventInbox sends each letter to
        // <consumed topic>.dlq.
        assertTrue(produced.remove("patchmap.dead-letters"), service + " has a dead-letter channel");
        return new Channels(consumed, produced, groups);
    }

    /** resource name -> operations, for the ACLs of one resource type. */
    private static Map<String, Set<AclOperation>> acls(KafkaUser user, Class<?> resourceType) {
        Map<String, Set<AclOperation>> acls = new TreeMap<>();
        var authorization = assertInstanceOf(KafkaUserAuthorizationSimple.class, user.getSpec().getAuthorization());
        for (AclRule rule : authorization.getAcls()) {
            // v1beta2's single operation, which v1 dropped
            assertEquals(null, rule.getOperation(), user.getMetadata().getName());
            if (resourceType.isInstance(rule.getResource())) {
                String name = rule.getResource() instanceof AclRuleTopicResource t ? t.getName()
                        : ((AclRuleGroupResource) rule.getResource()).getName();
                Set<AclOperation> ops = rule.getOperations().stream()
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(null, acls.put(name, ops), user.getMetadata().getName() + ": two rules for " + name);
            }
        }
        return acls;
    }

    @Test
    void eachServiceUserMayDoExactlyWhatItsChannelsUse() throws Exception {
        List<Object> base = strimziObjects(yamlFiles(KAFKA));
        Set<String> topics = ofType(base, KafkaTopic.class).stream().map(t -> t.getSpec().getTopicName())
                .collect(Collectors.toSet());
        Map<String, KafkaUser> users = new LinkedHashMap<>();
        ofType(base, KafkaUser.class).forEach(u -> users.put(u.getMetadata().getName(), u));
        assertEquals(List.of("ingest-service", "feature-service", "metadata-service", "embedding-service",
                "patchmap-lag-reader"), List.copyOf(users.keySet()));
        Set<AclOperation> read = Set.of(AclOperation.READ, AclOperation.DESCRIBE);
        Set<AclOperation> write = Set.of(AclOperation.WRITE, AclOperation.DESCRIBE);
        Set<AclOperation> readWrite = Set.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE);
        int rules = 0;
        for (KafkaUser user : users.values()) {
            assertInstanceOf(KafkaUserScramSha512ClientAuthentication.class, user.getSpec().getAuthentication());
            Map<String, Set<AclOperation>> topicAcls = acls(user, AclRuleTopicResource.class);
            assertTrue(topics.containsAll(topicAcls.keySet()), user.getMetadata().getName() + " " + topicAcls);
            rules += topicAcls.size() + acls(user, AclRuleGroupResource.class).size();
        }
        // ingest 11 topics + 2 groups, feature 5 + 1, metadata 7 + 1, embedding 9 + 1, lag reader 2 + 3
        assertEquals(42, rules);
        for (String service : SERVICES) {
            Channels ch = channels(service);
            Map<String, Set<AclOperation>> expected = new TreeMap<>();
            ch.consumed().stream().filter(topics::contains).forEach(t -> {
                expected.put(t, read);
                expected.put(Topics.deadLetter(t), write);
            });
            ch.produced().forEach(t -> expected.merge(t, write, StrimziResourcesTest::union));
            if (service.equals("ingest-service")) {
                // dead-letter listing reads every .dlq; replay writes a letter back to its topic
                for (String t : topicsOfCode()) {
                    expected.merge(Topics.deadLetter(t), read, StrimziResourcesTest::union);
                    if (!t.equals(Topics.MAPS)) {
                        expected.merge(t, write, StrimziResourcesTest::union);
                    }
                }
            }
            assertEquals(expected, acls(users.get(service), AclRuleTopicResource.class), service);
            Map<String, Set<AclOperation>> groups = new TreeMap<>();
            ch.groups().forEach(g -> groups.put(g, Set.of(AclOperation.READ)));
            assertEquals(groups, acls(users.get(service), AclRuleGroupResource.class), service);
        }
        assertEquals(Map.of(Topics.ASSETS, readWrite, Topics.SWEEPS, write, Topics.FEATURES, write,
                        Topics.METADATA, write, Topics.UPLOADS_EXPIRED, write),
                acls(users.get("ingest-service"), AclRuleTopicResource.class).entrySet().stream()
                        .filter(e -> !e.getKey().endsWith(".dlq"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        // KEDA reads lag only: Describe on the scaled groups and their topics, nothing else
        KafkaUser lag = users.get("patchmap-lag-reader");
        assertEquals(Map.of(Topics.ASSETS, Set.of(AclOperation.DESCRIBE), Topics.SWEEPS, Set.of(AclOperation.DESCRIBE)),
                acls(lag, AclRuleTopicResource.class));
        assertEquals(Set.of("ingest-extract", "feature-service", "metadata-service"),
                acls(lag, AclRuleGroupResource.class).keySet());
    }

    private static Set<AclOperation> union(Set<AclOperation> a, Set<AclOperation> b) {
        Set<AclOperation> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    /** The services' Kafka settings (the kafka-clients component) name their own user and its Secret. */
    @Test
    void eachDeploymentLogsInAsItsOwnUser() throws IOException {
        Path component = K8S.resolve("components/kafka-clients");
        for (String service : SERVICES) {
            JsonNode deployment = Manifests.documents(component.resolve(service + ".yaml")).get(0);
            assertEquals(service, deployment.at("/metadata/name").asText());
            Map<String, JsonNode> env = new TreeMap<>();
            deployment.at("/spec/template/spec/containers/0/env").forEach(e -> env.put(e.get("name").asText(), e));
            assertEquals(Set.of("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
                    "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD", "KAFKA_SSL_TRUSTSTORE_LOCATION",
                    "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_PASSWORD"), env.keySet(), service);
            assertEquals("patchmap-kafka-bootstrap:9093", env.get("KAFKA_BOOTSTRAP_SERVERS").get("value").asText());
            assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL").get("value").asText());
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM").get("value").asText());
            assertEquals(service, env.get("KAFKA_SASL_USERNAME").get("value").asText());
            assertEquals("kafka-" + service, env.get("KAFKA_SASL_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
            assertEquals("patchmap-cluster-ca-cert",
                    env.get("KAFKA_SSL_TRUSTSTORE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
            assertEquals("/etc/patchmap/kafka-ca/ca.p12", env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").get("value").asText());
        }
    }

    /**
     * MongoDBCommunity: its operator is written in Go and publishes no Java model, so its required fields
     * (those the operator's CRD requires, and the ones PatchMap relies on) are checked here.
     */
    @Test
    void theReplicaSetHasItsRequiredFieldsAndOneUserPerService() throws IOException {
        List<JsonNode> docs = Manifests.documents(K8S.resolve("base/mongodb/mongodb.yaml"));
        assertEquals(1, docs.size());
        JsonNode mdb = docs.get(0);
        assertEquals("mongodbcommunity.mongodb.com/v1", mdb.get("apiVersion").asText());
        assertEquals("MongoDBCommunity", mdb.get("kind").asText());
        JsonNode spec = mdb.get("spec");
        assertEquals("ReplicaSet", spec.get("type").asText());
        assertEquals(3, spec.get("members").asInt());
        assertTrue(spec.get("version").asText().matches("\\d+\\.\\d+\\.\\d+"), spec.get("version").asText());
        assertEquals("[\"SCRAM\"]", spec.at("/security/authentication/modes").toString());
        Map<String, JsonNode> users = new LinkedHashMap<>();
        spec.get("users").forEach(u -> users.put(u.get("name").asText(), u));
        List<String> expected = new ArrayList<>(SERVICES);
        expected.add("patchmap-backup");
        assertEquals(expected, List.copyOf(users.keySet()));
        for (JsonNode u : users.values()) {
            String name = u.get("name").asText();
            assertEquals("admin", u.get("db").asText(), name);
            assertEquals("mongodb-" + name + "-password", u.at("/passwordSecretRef/name").asText(), name);
            assertEquals("password", u.at("/passwordSecretRef/key").asText(), name);
            assertEquals("mongodb-" + name + "-scram", u.get("scramCredentialsSecretName").asText(), name);
            assertEquals("mongodb-" + name, u.get("connectionStringSecretName").asText(), name);
            String role = name.equals("patchmap-backup") ? "[{\"name\":\"backup\",\"db\":\"admin\"}]"
                    : "[{\"name\":\"readWrite\",\"db\":\"patchmap\"}]";
            assertEquals(role, u.get("roles").toString(), name);
        }
        // each service reads the connection string of its own user
        for (String service : SERVICES) {
            JsonNode uri = Manifests.documents(K8S.resolve("components/mongodb-clients/" + service + ".yaml")).get(0)
                    .at("/spec/template/spec/containers/0/env/0");
            assertEquals("MONGODB_URI", uri.get("name").asText());
            assertEquals("mongodb-" + service, uri.at("/valueFrom/secretKeyRef/name").asText());
            assertEquals("connectionString.standard", uri.at("/valueFrom/secretKeyRef/key").asText());
        }
    }
}
