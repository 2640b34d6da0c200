import type { ConfiguredElement, StackConfiguration } from "../configuration";
import { constructPropFor } from "../construct-props";
import type { PolicyRule } from "../rule";
import { asBlock, asList, isExpression, isTrue, shown } from "../values";

/** Whether a serverless variant of this stack serves the model: serverless endpoints refuse network isolation. */
function servedServerless(model: ConfiguredElement, configuration: StackConfiguration): boolean {
  return configuration
    .ofType("aws_sagemaker_endpoint_configuration")
    .flatMap((endpointConfiguration) =>
      asList(endpointConfiguration.attributes.production_variants),
    )
    .map((variant) => asBlock(variant) ?? {})
    .some(
      (variant) =>
        variant.serverless_config !== undefined &&
        configuration.identifies(variant.model_name, model, "name"),
    );
}

/**
 * Whether a container fetches something at startup: a model from the Hugging Face Hub (`HF_MODEL_ID` naming a
 * Hub model rather than a local path), or its inference code from S3 (`SAGEMAKER_SUBMIT_DIRECTORY`).
 */
function needsNetwork(container: Readonly<Record<string, unknown>>): boolean {
  const environment = asBlock(container.environment) ?? {};
  const modelId = environment.HF_MODEL_ID;
  const submitDirectory = environment.SAGEMAKER_SUBMIT_DIRECTORY;
  return (
    (typeof modelId === "string" && (isExpression(modelId) || !modelId.startsWith("/"))) ||
    (typeof submitDirectory === "string" && submitDirectory.startsWith("s3://"))
  );
}

export const sagemakerModelNetworkIsolation: PolicyRule = {
  id: "sagemaker-model-network-isolation",
  severity: "warning",
  what: "Models run with network isolation (`enable_network_isolation`), unless a serverless endpoint serves them or the container needs the network",
  why: "An isolated container can neither send data out nor download code, even when compromised. Serverless endpoints do not support isolation, and a container that downloads its model (`HF_MODEL_ID`) or code (`SAGEMAKER_SUBMIT_DIRECTORY` in S3) needs the network",
  reference:
    "checkov CKV_AWS_370; SageMaker Developer Guide, Run training and inference containers in internet-free mode",
  appliesTo: ["aws_sagemaker_model"],
  check(model, configuration) {
    const isolation = model.attributes.enable_network_isolation;
    if (isTrue(isolation) || servedServerless(model, configuration)) return [];
    const containers = [model.attributes.primary_container, ...asList(model.attributes.container)]
      .map(asBlock)
      .filter((container) => container !== undefined);
    if (containers.some(needsNetwork)) return [];
    return [
      `Runs without network isolation (enable_network_isolation is ${shown(isolation)}), so its container ` +
        `can reach the internet; set ${constructPropFor(model, "enable_network_isolation") ?? "it"} to true, or acknowledge the ` +
        "finding if the container needs the network.",
    ];
  },
};
