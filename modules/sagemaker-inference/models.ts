import {
  SagemakerModel,
  type SagemakerModelContainer,
  type SagemakerModelPrimaryContainer,
} from "@cdktf/provider-aws/lib/sagemaker-model";
import { Fn, Token } from "cdktf";
import type { Construct } from "constructs";
import { nameAfter } from "../core/terraform-names";
import { settableThrough } from "../policy/construct-props";
import { constructIds, modelNameOf } from "./names";
import type { ContainerDefinitionProps, ModelProps } from "./props";
import type { TagsFor } from "./tags";

/**
 * The model `key`: one `container` block per container definition, named by its key, or the single container
 * as `primary_container` when asked; an inference execution config only when there is more than one container.
 */
export function createModel(
  scope: Construct,
  key: string,
  model: ModelProps,
  tagsFor: TagsFor,
): SagemakerModel {
  const containers = Object.entries(model.containerDefinitions).map(([hostname, container]) =>
    containerBlock(hostname, container),
  );
  const created = new SagemakerModel(scope, constructIds.model(key), {
    name: modelNameOf(key, model),
    executionRoleArn: model.iamRoleArn,
    ...(model.primaryContainer === true
      ? { primaryContainer: primaryContainerBlock(containers[0]!) }
      : { container: containers }),
    enableNetworkIsolation: model.enableNetworkIsolation ?? false,
    inferenceExecutionConfig:
      containers.length > 1
        ? { mode: model.inferenceExecutionConfig?.mode ?? "Serial" }
        : undefined,
    vpcConfig: model.vpcConfig
      ? {
          securityGroupIds: [...model.vpcConfig.securityGroupIds],
          subnets: [...model.vpcConfig.subnetIds],
        }
      : undefined,
    tags: tagsFor(model.additionalTags),
  });
  settableThrough(created, scope, {
    enable_network_isolation: `models.${key}.enableNetworkIsolation`,
  });
  return nameAfter(created, key);
}

function containerBlock(
  hostname: string,
  container: ContainerDefinitionProps,
): SagemakerModelContainer {
  const location = container.modelDataLocation;
  const uncompressed = container.compressionType === "UncompressedModel";
  const environment = container.environmentVariables ?? {};
  return {
    containerHostname: hostname,
    image: container.image,
    mode: container.useMultipleModels ? "MultiModel" : "SingleModel",
    modelDataUrl: uncompressed ? undefined : location,
    modelDataSource:
      uncompressed && location !== undefined
        ? {
            s3DataSource: [
              {
                s3Uri: location,
                s3DataType: bySuffix(location, "/", "S3Prefix", "S3Object"),
                compressionType: bySuffix(location, ".tar.gz", "Gzip", "None"),
              },
            ],
          }
        : undefined,
    multiModelConfig: container.useMultipleModels
      ? {
          modelCacheSetting:
            (container.useMultipleModels.enableModelCaching ?? true) ? "Enabled" : "Disabled",
        }
      : undefined,
    environment: Object.keys(environment).length > 0 ? { ...environment } : undefined,
  };
}

/** A container as `primary_container`: without the host name, and without the mode unless it is MultiModel. */
function primaryContainerBlock(container: SagemakerModelContainer): SagemakerModelPrimaryContainer {
  const { mode, ...rest } = container;
  return { ...rest, containerHostname: undefined, mode: mode === "MultiModel" ? mode : undefined };
}

/** `whenSuffix` if `text` ends with `suffix`, else `otherwise`; decided by Terraform when `text` is a token. */
function bySuffix(text: string, suffix: string, whenSuffix: string, otherwise: string): string {
  if (Token.isUnresolved(text)) {
    return Token.asString(Fn.conditional(Fn.endswith(text, suffix), whenSuffix, otherwise));
  }
  return text.endsWith(suffix) ? whenSuffix : otherwise;
}
