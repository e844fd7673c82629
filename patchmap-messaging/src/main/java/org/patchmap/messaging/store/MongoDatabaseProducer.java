package org.patchmap.messaging.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's database ({@code quarkus.mongodb.database}), so that stores inject it rather than a client and a name. */
@ApplicationScoped
public class MongoDatabaseProducer {
    @Produces
    @ApplicationScoped
    MongoDatabase database(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        return client.getDatabase(name);
    }
}
