package org.patchmap.deploy.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * As {@link InfrastructureTestResource}, with the service talking to the broker's SASL_PLAINTEXT listener as
 * {@link TestInfrastructure#KAFKA_USER}, through the same settings an operator gives a service in its
 * environment (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD).
 * Started after {@link InfrastructureTestResource} (its {@link #order()}), so its bootstrap servers win.
 */
public class SaslInfrastructureTestResource extends InfrastructureTestResource {
    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, String> config = new HashMap<>(super.start());
        config.put("kafka.bootstrap.servers", infra.kafkaSaslBootstrapServers());
        config.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        config.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        config.put("KAFKA_SASL_USERNAME", TestInfrastructure.KAFKA_USER.name());
        config.put("KAFKA_SASL_PASSWORD", TestInfrastructure.KAFKA_USER.password());
        return config;
    }

    @Override
    public int order() {
        return 100;
    }
}
