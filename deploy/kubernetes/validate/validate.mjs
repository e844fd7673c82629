// Validates every object of a rendered kustomization (YAML on stdin) against its API schema:
// Kubernetes (kubernetes-models), KEDA and the Prometheus Operator (@kubernetes-models/*).
// Kinds named with --elsewhere (the Strimzi and MongoDB operators' resources, checked by the
// deploy module's Java tests) are counted apart; any other kind without a schema here fails.
// Prints one line per failure and a summary; exits 1 on any failure.
import { parseAllDocuments } from "yaml";

const elsewhere = new Set((process.argv.find((a) => a.startsWith("--elsewhere="))?.slice(12) ?? "")
  .split(",").filter(Boolean));

/** The module that holds the models of an apiVersion, by its group. */
function moduleOf(apiVersion) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "") return `kubernetes-models/${version}`;
  if (group === "keda.sh") return `@kubernetes-models/keda/${group}/${version}`;
  if (group === "monitoring.coreos.com") return `@kubernetes-models/prometheus-operator/${group}/${version}`;
  return `kubernetes-models/${group}/${version}`;
}

async function modelOf(apiVersion, kind) {
  try {
    return (await import(moduleOf(apiVersion)))[kind] ?? null;
  } catch {
    return null;
  }
}

const input = await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
});
const failures = [];
let validated = 0;
const apart = [];
for (const doc of parseAllDocuments(input)) {
  const object = doc.toJS();
  if (object == null) continue;
  const name = `${object.kind}/${object.metadata?.name}`;
  const Model = await modelOf(object.apiVersion, object.kind);
  if (Model == null) {
    if (elsewhere.has(object.kind)) apart.push(name);
    else failures.push(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
    validated++;
  } catch (e) {
    failures.push(`${name}: ${e.message.replace(/\s+/g, " ")}`);
  }
}
failures.forEach((f) => console.log(`INVALID ${f}`));
console.log(`validated ${validated} objects against their schemas; ${apart.length} checked elsewhere; ${failures.length} invalid`);
process.exit(failures.length === 0 ? 0 : 1);
