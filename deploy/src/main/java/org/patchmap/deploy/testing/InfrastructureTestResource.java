package org.patchmap.deploy.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.patchmap.testing.TestTokens;

import java.util.Map;

/**
 * Points a Quarkus service under test at the shared real Kafka broker and MongoDB-wire server, and
 * makes it trust the bearer tokens of {@link TestTokens}.
 * Use with {@code @QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)}.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        return Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.mongodb.connection-string", infra.mongoConnectionString(),
                "mp.jwt.verify.publickey", TestTokens.publicKeyPem(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The broker and server live for the whole JVM: other test classes reuse them.
    }
}
