/**
 * Every problem in `models` (and the tags) is reported, with the path of the offending entry.
 */
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { ECR_IMAGE_URI_WORDS, SAGEMAKER_NAME_WORDS } from "../../helpers/allowed";
import { errorOf, expectProblems, IMAGE, model, synthInference } from "./fixtures";

describe("SagemakerInference validation of models", () => {
  it("checks model and container names, the role, the image, the environment and the execution mode", () => {
    expectProblems(
      {
        models: {
          demo_model: model({
            iamRoleArn: "AmazonSageMakerExecutionRole",
            containerDefinitions: {
              "container-": {
                image: "my image",
                compressionType: "Compressed" as "CompressedModel",
                environmentVariables: { "MODEL-ID": "x" },
              },
            },
            inferenceExecutionConfig: { mode: "Parallel" as "Serial" },
          }),
        },
      },
      [
        `models.demo_model: got "demo_model"; allowed: ${SAGEMAKER_NAME_WORDS}`,
        'models.demo_model.iamRoleArn: got "AmazonSageMakerExecutionRole"; allowed: an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<path and name>',
        `models.demo_model.containerDefinitions.container-: got "container-"; allowed: ${SAGEMAKER_NAME_WORDS}`,
        `models.demo_model.containerDefinitions.container-.image: got "my image"; allowed: ${ECR_IMAGE_URI_WORDS}`,
        'models.demo_model.containerDefinitions.container-.compressionType: got "Compressed"; allowed: one of "CompressedModel" or "UncompressedModel", in any case (as the module compares it)',
        "models.demo_model.containerDefinitions.container-.environmentVariables.MODEL-ID: got \"MODEL-ID\"; allowed: an environment variable name of letters, digits and '_', not starting with a digit, at most 1024 characters",
        'models.demo_model.inferenceExecutionConfig.mode: got "Parallel"; allowed: one of "Serial" or "Direct"',
      ],
    );
  });

  it("writes a primary container only for a model of one container", () => {
    expectProblems(
      {
        models: {
          pipeline: model({
            primaryContainer: true,
            containerDefinitions: { a: { image: IMAGE }, b: { image: IMAGE } },
          }),
        },
      },
      [
        "models.pipeline.primaryContainer: got true; allowed: a model with exactly one container (this one has 2)",
      ],
    );
  });

  it("needs 1 to 15 containers", () => {
    const sixteen = Object.fromEntries(
      Array.from({ length: 16 }, (_, i) => [`c${i}`, { image: IMAGE }]),
    );
    expectProblems(
      {
        models: {
          none: model({ containerDefinitions: {} }),
          many: model({ containerDefinitions: sixteen }),
        },
      },
      [
        'models.none.containerDefinitions: got "0 containers"; allowed: 1 to 15 container definitions',
        'models.many.containerDefinitions: got "16 containers"; allowed: 1 to 15 container definitions',
      ],
    );
  });

  it("checks the model data location against the compression type and multi-model hosting", () => {
    expectProblems(
      {
        models: {
          m: model({
            containerDefinitions: {
              zip: { image: IMAGE, modelDataLocation: "s3://models/model.zip" },
              bucket: { image: IMAGE, modelDataLocation: "s3://Demo_Bucket/model.tar.gz" },
              raw: { image: IMAGE, compressionType: "UncompressedModel" },
              "raw-http": {
                image: IMAGE,
                compressionType: "UncompressedModel",
                modelDataLocation: "https://models.s3.amazonaws.com/m/",
              },
              many: { image: IMAGE, useMultipleModels: {} },
              "many-raw": {
                image: IMAGE,
                compressionType: "UncompressedModel",
                modelDataLocation: "s3://Models/many/",
                useMultipleModels: { enableModelCaching: false },
              },
            },
          }),
        },
      },
      [
        // containers are checked in the order of their keys, the order they are written in
        "models.m.containerDefinitions.bucket.modelDataLocation: got \"s3://Demo_Bucket/model.tar.gz\"; allowed: an S3 URI of the form s3://<bucket>/<key> with a valid bucket name ('Demo_Bucket' is not one)",
        "models.m.containerDefinitions.many.modelDataLocation: got (not set); allowed: the S3 prefix that holds the models of a multi-model container",
        'models.m.containerDefinitions.many-raw.compressionType: got "UncompressedModel"; allowed: "CompressedModel" for a multi-model container (SageMaker cannot combine a model data source with multi-model endpoints)',
        "models.m.containerDefinitions.many-raw.modelDataLocation: got \"s3://Models/many/\"; allowed: an S3 URI of the form s3://<bucket>/<key> with a valid bucket name ('Models' is not one)",
        "models.m.containerDefinitions.raw.modelDataLocation: got (not set); allowed: the S3 object or prefix (ending in /) of the uncompressed model",
        'models.m.containerDefinitions.raw-http.modelDataLocation: got "https://models.s3.amazonaws.com/m/"; allowed: an S3 URI of the form s3://<bucket>/<key>',
        'models.m.containerDefinitions.zip.modelDataLocation: got "s3://models/model.zip"; allowed: an s3:// or https:// URL of at most 1024 characters pointing at a .tar.gz model artifact',
      ],
    );
  });

  it("checks the VPC: 1-5 security groups, 1-16 subnets, well-formed ids", () => {
    expectProblems(
      {
        models: {
          m: model({
            vpcConfig: {
              securityGroupIds: ["sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg 6"],
              subnetIds: [],
            },
          }),
        },
      },
      [
        'models.m.vpcConfig.securityGroupIds: got "6 ids"; allowed: 1-5 security groups',
        "models.m.vpcConfig.securityGroupIds.5: got \"sg 6\"; allowed: an id of 1-32 letters, digits and '-'",
        'models.m.vpcConfig.subnetIds: got "0 ids"; allowed: 1-16 subnets',
      ],
    );
  });

  it("checks tags, and that no resource ends up with more than 50", () => {
    const many = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`tag${i}`, "v"]));
    expectProblems(
      {
        models: { m: model({ additionalTags: { ...many, "aws:owner": "me" } }) },
        additionalTagsAll: { team: "ml", "cost#center": "42", a: "1", b: "2", c: "3", d: "4" },
      },
      [
        'additionalTagsAll.cost#center: got "cost#center"; allowed: a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:',
        'models.m.additionalTags.aws:owner: got "aws:owner"; allowed: a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:',
        'models.m.additionalTags: got "53 tags"; allowed: at most 50 tags per resource, counting all the tags it gets',
      ],
    );
  });

  it("skips values known only at apply time", () => {
    expect(() =>
      synthInference((stack) => {
        const text = new TerraformVariable(stack, "text", { type: "string" }).stringValue;
        return {
          models: {
            m: model({
              iamRoleArn: text,
              containerDefinitions: {
                c: { image: text, modelDataLocation: text, environmentVariables: { MODEL: text } },
              },
              additionalTags: { owner: text },
              vpcConfig: { securityGroupIds: [text], subnetIds: [text] },
            }),
          },
        };
      }),
    ).not.toThrow();
  });

  it("skips security group and subnet lists known only at apply time", () => {
    expect(() =>
      synthInference((stack) => {
        const ids = new TerraformVariable(stack, "ids", { type: "list(string)" }).listValue;
        return { models: { m: model({ vpcConfig: { securityGroupIds: ids, subnetIds: ids } }) } };
      }),
    ).not.toThrow();
  });

  it("accepts the module's basic usage", () => {
    expect(errorOf({ models: { "demo-model": model() } })).toBeUndefined();
  });
});

describe("SagemakerInference validation", () => {
  it("lists every problem of the construct in one error: tags, models, then endpoints", () => {
    expectProblems(
      {
        additionalTagsAll: { "aws:team": "ml" },
        models: { m: model({ iamRoleArn: "role" }) },
        endpoints: {
          e: {
            provisioned: {
              productionVariants: {
                m: {
                  instanceType: "ml.t2.medium",
                  autoScaling: { policies: { p: { expression: "Invocations = 5" } } },
                  cloudwatchAlarms: { a: { expression: "Invocations sum = 5" } },
                },
                missing: { instanceType: "ml.m5.large" },
              },
            },
          },
        },
      },
      [
        'additionalTagsAll.aws:team: got "aws:team"; allowed: a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:',
        'models.m.iamRoleArn: got "role"; allowed: an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<path and name>',
        'endpoints.e.provisioned.productionVariants.m.instanceType: got "ml.t2.medium"; allowed: an instance type SageMaker can auto scale, not a burstable ml.t2 type, as the variant has autoScaling (or leave autoScaling out)',
        'endpoints.e.provisioned.productionVariants.m.autoScaling.policies.p.expression: got "Invocations = 5"; allowed: <metric> [<statistic>] = <target>; at column 13 expected a statistic (average, maximum, minimum, sampleCount or sum), found "="',
        'endpoints.e.provisioned.productionVariants.m.cloudwatchAlarms.a.expression: got "Invocations sum = 5"; allowed: <metric> <statistic> <operator> <threshold>; at column 17 expected a comparison operator (>=, >, <= or <), found "="',
        'endpoints.e.provisioned.productionVariants.missing: got "missing"; allowed: a model defined in models (m)',
      ],
    );
  });
});
