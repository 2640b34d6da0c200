import { TerraformVariable, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { onlyResource } from "../../helpers/synth";
import { IMAGE, model, resourcesBy, ROLE_ARN, synthInference } from "./fixtures";

describe("SagemakerInference models", () => {
  const { json } = synthInference({
    models: {
      compressed: model({
        additionalTags: { team: "ml", owner: "a" },
        enableNetworkIsolation: true,
        vpcConfig: {
          securityGroupIds: ["sg-0123456789abcdef0"],
          subnetIds: ["subnet-1", "subnet-2"],
        },
      }),
      uncompressed: model({
        containerDefinitions: {
          object: {
            image: IMAGE,
            compressionType: "UncompressedModel",
            modelDataLocation: "s3://models/uncompressed/model.bin",
          },
          prefix: {
            image: IMAGE,
            compressionType: "UncompressedModel",
            modelDataLocation: "s3://models/uncompressed/",
          },
          archive: {
            image: IMAGE,
            compressionType: "UncompressedModel",
            modelDataLocation: "s3://models/uncompressed/model.tar.gz",
          },
        },
        inferenceExecutionConfig: { mode: "Direct" },
      }),
      "multi-model": model({
        containerDefinitions: {
          cached: {
            image: IMAGE,
            modelDataLocation: "s3://models/many/",
            useMultipleModels: {},
            environmentVariables: { SAGEMAKER_PROGRAM: "inference.py" },
          },
          uncached: {
            image: IMAGE,
            modelDataLocation: "s3://models/others/",
            useMultipleModels: { enableModelCaching: false },
          },
        },
      }),
      "no-artifact": model({ containerDefinitions: { only: { image: IMAGE } } }),
      primary: model({
        primaryContainer: true,
        containerDefinitions: {
          only: {
            image: IMAGE,
            modelDataLocation: "s3://models/primary.tar.gz",
            environmentVariables: { SAGEMAKER_PROGRAM: "predictor.py" },
          },
        },
      }),
      "primary-multi-model": model({
        primaryContainer: true,
        containerDefinitions: {
          only: { image: IMAGE, modelDataLocation: "s3://models/many/", useMultipleModels: {} },
        },
      }),
    },
    additionalTagsAll: { owner: "platform", env: "prod" },
  });
  const models = resourcesBy(json, "aws_sagemaker_model", "name");

  it("writes network isolation, the VPC and the merged tags; tags for all win", () => {
    expect(models.compressed).toEqual({
      name: "compressed",
      execution_role_arn: ROLE_ARN,
      container: [
        {
          container_hostname: "container1",
          image: IMAGE,
          mode: "SingleModel",
          model_data_url: "s3://demo-bucket/demo-model.tar.gz",
        },
      ],
      enable_network_isolation: true,
      vpc_config: {
        security_group_ids: ["sg-0123456789abcdef0"],
        subnets: ["subnet-1", "subnet-2"],
      },
      tags: { "managed-by": "Terraform", team: "ml", owner: "platform", env: "prod" },
    });
  });

  it("reads uncompressed model data from an S3 object or prefix, gzipped when it ends in .tar.gz", () => {
    expect(models.uncompressed).toMatchObject({
      // in the order of their keys, as the module's for_each writes them
      container: [
        {
          container_hostname: "archive",
          mode: "SingleModel",
          model_data_source: {
            s3_data_source: [
              {
                s3_uri: "s3://models/uncompressed/model.tar.gz",
                s3_data_type: "S3Object",
                compression_type: "Gzip",
              },
            ],
          },
        },
        {
          container_hostname: "object",
          mode: "SingleModel",
          model_data_source: {
            s3_data_source: [
              {
                s3_uri: "s3://models/uncompressed/model.bin",
                s3_data_type: "S3Object",
                compression_type: "None",
              },
            ],
          },
        },
        {
          container_hostname: "prefix",
          mode: "SingleModel",
          model_data_source: {
            s3_data_source: [
              {
                s3_uri: "s3://models/uncompressed/",
                s3_data_type: "S3Prefix",
                compression_type: "None",
              },
            ],
          },
        },
      ],
      inference_execution_config: { mode: "Direct" },
    });
    const containers = models.uncompressed!.container as Record<string, unknown>[];
    expect(containers.map((c) => c.model_data_url)).toEqual([undefined, undefined, undefined]);
  });

  it("hosts multiple models with or without caching; several containers default to a Serial pipeline", () => {
    expect(models["multi-model"]).toMatchObject({
      container: [
        {
          container_hostname: "cached",
          image: IMAGE,
          mode: "MultiModel",
          model_data_url: "s3://models/many/",
          multi_model_config: { model_cache_setting: "Enabled" },
          environment: { SAGEMAKER_PROGRAM: "inference.py" },
        },
        {
          container_hostname: "uncached",
          image: IMAGE,
          mode: "MultiModel",
          model_data_url: "s3://models/others/",
          multi_model_config: { model_cache_setting: "Disabled" },
        },
      ],
      inference_execution_config: { mode: "Serial" },
    });
  });

  it("leaves out model data, an empty environment and the execution config of a single container", () => {
    expect(models["no-artifact"]).toEqual({
      name: "no-artifact",
      execution_role_arn: ROLE_ARN,
      container: [{ container_hostname: "only", image: IMAGE, mode: "SingleModel" }],
      tags: { "managed-by": "Terraform", owner: "platform", env: "prod" },
    });
  });

  it("writes a single container as primary_container when asked, without host name or single-model mode", () => {
    expect(models.primary).toEqual({
      name: "primary",
      execution_role_arn: ROLE_ARN,
      primary_container: {
        image: IMAGE,
        model_data_url: "s3://models/primary.tar.gz",
        environment: { SAGEMAKER_PROGRAM: "predictor.py" },
      },
      tags: { "managed-by": "Terraform", owner: "platform", env: "prod" },
    });
    expect(models["primary-multi-model"]?.primary_container).toEqual({
      image: IMAGE,
      mode: "MultiModel",
      model_data_url: "s3://models/many/",
      multi_model_config: { model_cache_setting: "Enabled" },
    });
  });

  it("leaves the managed-by tag out when asked, and tags nothing when no tag is left", () => {
    const { json: untagged } = synthInference({ models: { m: model() }, managedByTag: false });
    expect(onlyResource(untagged, "aws_sagemaker_model").attributes.tags).toBeUndefined();
    const { json: custom } = synthInference({
      models: { m: model({ additionalTags: { Name: "m" } }) },
      additionalTagsAll: { ManagedBy: "terraform" },
      managedByTag: false,
    });
    expect(onlyResource(custom, "aws_sagemaker_model").attributes.tags).toEqual({
      Name: "m",
      ManagedBy: "terraform",
    });
  });

  it("lets Terraform merge tags for all resources known only at apply time", () => {
    const { json: withVariable } = synthInference((stack) => ({
      models: { m: model({ additionalTags: { team: "ml" } }) },
      additionalTagsAll: Token.asStringMap(
        new TerraformVariable(stack, "tags", { type: "map(string)" }).value,
      ),
    }));
    expect(onlyResource(withVariable, "aws_sagemaker_model").attributes.tags).toBe(
      '${merge({"managed-by" = "Terraform"}, {"team" = "ml"}, var.tags)}',
    );
  });

  it("lets Terraform pick the data type and compression of a location known at apply time", () => {
    const { json: withVariable } = synthInference((stack) => ({
      models: {
        m: model({
          containerDefinitions: {
            c: {
              image: IMAGE,
              compressionType: "UncompressedModel",
              modelDataLocation: new TerraformVariable(stack, "location", { type: "string" })
                .stringValue,
            },
          },
        }),
      },
    }));
    expect(onlyResource(withVariable, "aws_sagemaker_model").attributes.container).toEqual([
      {
        container_hostname: "c",
        image: IMAGE,
        mode: "SingleModel",
        model_data_source: {
          s3_data_source: [
            {
              s3_uri: "${var.location}",
              s3_data_type: '${endswith(var.location, "/") ? "S3Prefix" : "S3Object"}',
              compression_type: '${endswith(var.location, ".tar.gz") ? "Gzip" : "None"}',
            },
          ],
        },
      },
    ]);
  });
});
