/**
 * A required setting missing or null, or a value of another kind, is a problem on its path at every level, before any
 * other check reads it: one ValidationError, never a TypeError. See docs/validation.md, "Missing settings and values
 * of the wrong kind".
 */
import { readFileSync } from "node:fs";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { RegionalImage } from "../../modules/images/regional-image";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { ServerlessEndpoint } from "../../modules/serverless-endpoint/serverless-endpoint";
import { SagemakerProvisionedStack } from "../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";
import { thrownMessage, untyped } from "../helpers/untyped-input";

const ROLE = "arn:aws:iam::123456789012:role/r";
const IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311";

/** The message `create` throws for a construct in the stack `s`. */
function thrownIn(create: (stack: TerraformStack) => unknown): string | undefined {
  return thrownMessage(() => create(new TerraformStack(Testing.app(), "s")));
}

function inference(props: object): string | undefined {
  return thrownIn((stack) => new SagemakerInference(stack, "x", untyped(props)));
}

function message(path: string, lines: readonly string[]): string {
  const count = lines.length === 1 ? "1 problem" : `${lines.length} problems`;
  return [`Invalid configuration for '${path}' (${count}):`, ...lines.map((l) => `  - ${l}`)].join(
    "\n",
  );
}

const EXAMPLE =
  '{"models":{"m":{"iamRoleArn":"arn:aws:iam::123456789012:role/r","containerDefinitions":{"c":{"image":5}}}},"endpoints":{"e":{"provisioned":{}}}}';

describe("SagemakerInference: shape problems at each level", () => {
  it("a container image as a number and a provisioned endpoint without variants (the JSON that crashed)", () => {
    const expected = message("platform/inference", [
      "models.m.containerDefinitions.c.image: got 5; allowed: a string",
      "endpoints.e.provisioned.productionVariants: got (not set); allowed: a map of name -> { ... } (required)",
    ]);
    const platform = new TerraformStack(Testing.app(), "platform");
    expect(
      thrownMessage(() => new SagemakerInference(platform, "inference", JSON.parse(EXAMPLE))),
    ).toBe(expected);
    expect(readFileSync("docs/validation.md", "utf8")).toContain(`\`\`\`text\n${expected}\n\`\`\``);
  });

  it("the construct's own: models missing, endpoints a list, a tag null, nameTag a string", () => {
    expect(inference({ endpoints: [], additionalTagsAll: { team: null }, nameTag: "yes" })).toBe(
      message("s/x", [
        "models: got (not set); allowed: a map of name -> { ... } (required)",
        "endpoints: got []; allowed: a map of name -> { ... }",
        "additionalTagsAll.team: got null; allowed: a string",
        'nameTag: got "yes"; allowed: true or false',
      ]),
    );
  });

  it("a model's: a null role, a VPC without subnets, a container map as a list", () => {
    expect(
      inference({
        models: {
          m: {
            iamRoleArn: null,
            vpcConfig: { securityGroupIds: ["sg-1"] },
            containerDefinitions: [{ image: IMAGE }],
          },
        },
      }),
    ).toBe(
      message("s/x", [
        "models.m.iamRoleArn: got null; allowed: a string (required)",
        'models.m.containerDefinitions: got [{"image":"' +
          IMAGE +
          '"}]; allowed: a map of name -> { ... }',
        "models.m.vpcConfig.subnetIds: got (not set); allowed: a list of strings (required)",
      ]),
    );
  });

  it("a variant's, a scaling policy's and an alarm's, with NaN and an unknown key in the one error", () => {
    expect(
      inference({
        models: { m: { iamRoleArn: ROLE, containerDefinitions: { c: { image: IMAGE } } } },
        endpoints: {
          e: {
            provisioned: {
              productionVariants: {
                m: {
                  instanceType: "ml.m5.large",
                  initialInstanceCount: Number.NaN,
                  autoScaling: { policies: { p: {} } },
                  cloudwatchAlarms: { a: { expression: 5 } },
                  weight: 1,
                },
              },
            },
          },
        },
      }),
    ).toBe(
      message("s/x", [
        'endpoints.e.provisioned.productionVariants.m.weight: got 1; allowed: no such setting; did you mean "initialWeight"?',
        "endpoints.e.provisioned.productionVariants.m.initialInstanceCount: got NaN; allowed: a number",
        "endpoints.e.provisioned.productionVariants.m.autoScaling.policies.p.expression: got (not set); allowed: a string (required)",
        "endpoints.e.provisioned.productionVariants.m.cloudwatchAlarms.a.expression: got 5; allowed: a string",
      ]),
    );
  });

  it("takes a Terraform expression for a value of its kind", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const subnets = new TerraformVariable(stack, "subnets", { type: "list(string)" }).listValue;
    const role = new TerraformVariable(stack, "role", { type: "string" }).stringValue;
    expect(
      () =>
        new SagemakerInference(stack, "x", {
          models: {
            m: {
              iamRoleArn: role,
              vpcConfig: { securityGroupIds: ["sg-1"], subnetIds: subnets },
              containerDefinitions: { c: { image: IMAGE } },
            },
          },
        }),
    ).not.toThrow();
  });
});

describe("the other constructs and the stacks: shape problems", () => {
  it("ServerlessEndpoint: a null role and a memory size as a string, named as its props name them", () => {
    expect(
      thrownIn(
        (stack) =>
          new ServerlessEndpoint(
            stack,
            "se",
            untyped({
              iamRoleArn: null,
              modelName: "m",
              endpointConfigurationName: "c",
              endpointName: "e",
              container: { image: IMAGE, environmentVariables: { A: 1 } },
              memorySizeInMB: "big",
            }),
          ),
      ),
    ).toBe(
      message("s/se", [
        "iamRoleArn: got null; allowed: a string (required)",
        'memorySizeInMB: got "big"; allowed: a number',
        "container.environmentVariables.A: got 1; allowed: a string",
      ]),
    );
  });

  it("RegionalImage: a registry it does not know", () => {
    expect(
      thrownIn(
        (stack) =>
          new RegionalImage(stack, "i", untyped({ registry: "nope", repository: "r", tag: "t" })),
      ),
    ).toBe(
      message("s/i", [
        'registry: got "nope"; allowed: one of "huggingface-inference", "huggingface-tgi", "sklearn-inference"',
      ]),
    );
  });

  it("SagemakerProvisionedStack: a switch as a string and a model artifact as a string", () => {
    expect(
      thrownMessage(
        () =>
          new SagemakerProvisionedStack(
            Testing.app(),
            "sagemaker-provisioned",
            untyped({ enableEncryption: "yes", modelArtifact: "s3" }),
          ),
      ),
    ).toBe(
      message("sagemaker-provisioned", [
        'enableEncryption: got "yes"; allowed: true or false',
        'modelArtifact: got "s3"; allowed: an object { ... }',
      ]),
    );
  });
});
