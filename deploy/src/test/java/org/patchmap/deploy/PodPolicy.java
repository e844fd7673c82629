package org.patchmap.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What every PatchMap pod must declare: pinned images, requests and limits, a non-root read-only container
 * without capabilities or privilege escalation under the RuntimeDefault seccomp profile, and no service-account
 * token; a long-running service also its three probes.
 */
final class PodPolicy {
    private PodPolicy() {
    }

    static List<String> violations(String workload, JsonNode pod, boolean service) {
        List<String> out = new ArrayList<>();
        if (!pod.path("automountServiceAccountToken").isBoolean() || pod.path("automountServiceAccountToken").asBoolean()) {
            out.add(workload + ": automountServiceAccountToken is not false");
        }
        if (!pod.at("/securityContext/runAsNonRoot").asBoolean(false)) {
            out.add(workload + ": the pod does not require a non-root user (securityContext.runAsNonRoot)");
        }
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        for (JsonNode c : containers) {
            String name = workload + " container " + c.path("name").asText();
            String image = c.path("image").asText();
            String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1).contains(":")
                    ? image.substring(image.lastIndexOf(':') + 1) : "";
            if (tag.isEmpty() || tag.equals("latest")) {
                out.add(name + ": image " + image + " is not pinned by version");
            }
            for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory",
                    "/resources/limits/cpu", "/resources/limits/memory")) {
                if (c.at(r).isMissingNode()) {
                    out.add(name + ": no " + r.substring(1).replace('/', '.'));
                }
            }
            JsonNode sc = c.path("securityContext");
            if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                out.add(name + ": allowPrivilegeEscalation is not false");
            }
            if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                out.add(name + ": the root filesystem is not read-only");
            }
            if (!sc.at("/capabilities/drop").toString().contains("\"ALL\"")) {
                out.add(name + ": capabilities do not drop ALL");
            }
            String seccomp = sc.at("/seccompProfile/type").asText(pod.at("/securityContext/seccompProfile/type").asText());
            if (!seccomp.equals("RuntimeDefault")) {
                out.add(name + ": seccomp profile is not RuntimeDefault");
            }
            if (service && pod.path("containers").size() > 0 && c == pod.path("containers").get(0)) {
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (c.path(probe).isMissingNode()) {
                        out.add(name + ": no " + probe);
                    }
                }
            }
        }
        return out;
    }
}
