package org.patchmap.embedding;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.patchmap.deploy.testing.InfrastructureTestResource;
import org.patchmap.deploy.testing.ManagementPortContract;

/** Health and metrics answer on the management port (for the cluster); the public port serves the API only. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, restrictToAnnotatedClass = false)
@TestProfile(MapTestProfile.class)
class ManagementPortTest extends ManagementPortContract {
    @Override
    protected String apiPath() {
        return "/api/maps/current";
    }
}
