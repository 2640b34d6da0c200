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
 * What a container fetches at startup, if anything: a model from the Hugging Face Hub (`HF_MODEL_ID` naming a Hub
 * model rather than a local path), or its inference code from S3 (`SAGEMAKER_SUBMIT_DIRECTORY`).
 */
function fetchedAtStartup(container: Readonly<Record<string, unknown>>): string | undefined {
  const environment = asBlock(container.environment) ?? {};
  const modelId = environment.HF_MODEL_ID;
  const submitDirectory = environment.SAGEMAKER_SUBMIT_DIRECTORY;
  if (typeof modelId === "string" && (isExpression(modelId) || !modelId.startsWith("/"))) {
    return "downloads its model from the Hugging Face Hub (HF_MODEL_ID)";
  }
  if (typeof submitDirectory === "string" && submitDirectory.startsWith("s3://")) {
    return "downloads its inference code from S3 (SAGEMAKER_SUBMIT_DIRECTORY)";
  }
  return undefined;
}

export const sagemakerModelNetworkIsolation: PolicyRule = {
  id: "sagemaker-model-network-isolation",
  severity: "warning",
  what: "Models run with network isolation (`enable_network_isolation`)",
  why: "An isolated container can neither send data out nor download code, even when compromised. Where a model cannot be isolated (a serverless endpoint serves it, or its container downloads its model or code), the finding says so, to be acknowledged with that reason",
  checkov: ["CKV_AWS_370"],
  reference:
    "SageMaker Developer Guide, Run training and inference containers in internet-free mode; Serverless Inference, feature exclusions (network isolation)",
  appliesTo: ["aws_sagemaker_model"],
  check(model, configuration) {
    const isolation = model.attributes.enable_network_isolation;
    if (isTrue(isolation)) return [];
    const finding = `Runs without network isolation (enable_network_isolation is ${shown(isolation)}), so its container can reach the internet`;
    if (servedServerless(model, configuration)) {
      return [
        `${finding}. A serverless endpoint serves it, and serverless endpoints do not support network isolation: ` +
          "acknowledge the finding, or serve the model from instances to isolate it.",
      ];
    }
    const containers = [model.attributes.primary_container, ...asList(model.attributes.container)]
      .map(asBlock)
      .filter((container) => container !== undefined);
    const fetched = containers.map(fetchedAtStartup).find((what) => what !== undefined);
    // The construct prop that turns isolation on, where a construct recorded one (`models.<key>.enableNetworkIsolation`).
    const prop = constructPropFor(model, "enable_network_isolation");
    if (fetched) {
      return [
        `${finding}. Its container ${fetched}, which isolation would stop: package it into the model ` +
          `artifact and set ${prop ?? "enable_network_isolation"} to true, or acknowledge the finding.`,
      ];
    }
    return [
      `${finding}; set ${prop ?? "it"} to true, or acknowledge the finding if the container needs the network.`,
    ];
  },
};
