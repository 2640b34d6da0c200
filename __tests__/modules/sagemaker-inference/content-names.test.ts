/**
 * Models and endpoint configurations named after their content (modules/sagemaker-inference/content-names.ts): the
 * exact name, the local it is derived from, `create_before_destroy`, names that fit SageMaker's 63 characters, a
 * changed input that changes the content (and so, in Terraform, the name), unchanged inputs that give the same JSON,
 * and the endpoint's rollback alarms left as they were created.
 */
import { TerraformVariable, Testing, type App } from "cdktf";
import { describe, expect, it } from "vitest";
import type { SagemakerInferenceProps } from "../../../modules/sagemaker-inference/props";
import { SagemakerInference } from "../../../modules/sagemaker-inference/sagemaker-inference";
import { ProjectStack } from "../../../stacks/project-stack";
import { builtStart, contentName } from "../../helpers/content-names";
import type { SynthesizedStack } from "../../helpers/synth";
import { IMAGE, model, ROLE_ARN } from "./fixtures";

/** In a ProjectStack: readable Terraform names (the policy checks are not run: the test role ARN is literal). */
class InferenceStack extends ProjectStack {
  public constructor(app: App, build: (stack: InferenceStack) => SagemakerInferenceProps) {
    super(app, "s");
    new SagemakerInference(this, "inference", build(this));
  }
}

function synthesized(build: (stack: InferenceStack) => SagemakerInferenceProps): SynthesizedStack {
  return JSON.parse(Testing.synth(new InferenceStack(Testing.app(), build))) as SynthesizedStack;
}

function text(build: (stack: InferenceStack) => SagemakerInferenceProps): string {
  return Testing.synth(new InferenceStack(Testing.app(), build));
}

/** One model `ranker` on endpoint `live`, one variant of `instanceType`. */
const props = (instanceType = "ml.m5.large", image = IMAGE): SagemakerInferenceProps => ({
  models: {
    ranker: model({
      containerDefinitions: {
        main: { image, modelDataLocation: "s3://demo-bucket/ranker.tar.gz" },
      },
      additionalTags: { team: "ml" },
    }),
  },
  endpoints: {
    live: { provisioned: { productionVariants: { ranker: { instanceType } } } },
  },
});

const resources = (json: SynthesizedStack, type: string) => json.resource![type]!;

describe("names derived from content", () => {
  const json = synthesized(() => props());

  it("names the model <name>-<8 hex of the content's SHA-1>, created before the old one is destroyed", () => {
    expect(resources(json, "aws_sagemaker_model").ranker).toEqual({
      name: contentName("ranker", "model_content_ranker"),
      execution_role_arn: ROLE_ARN,
      container: [
        {
          container_hostname: "main",
          image: IMAGE,
          mode: "SingleModel",
          model_data_url: "s3://demo-bucket/ranker.tar.gz",
        },
      ],
      lifecycle: { create_before_destroy: true },
      tags: { "managed-by": "Terraform", team: "ml" },
    });
  });

  it("derives it from every argument but the name and the tags, and the name as given", () => {
    expect(json.locals).toEqual({
      model_content_ranker: {
        base_name: "ranker",
        arguments: {
          execution_role_arn: ROLE_ARN,
          container: [
            {
              container_hostname: "main",
              image: IMAGE,
              mode: "SingleModel",
              model_data_url: "s3://demo-bucket/ranker.tar.gz",
            },
          ],
        },
      },
      endpoint_configuration_content_live: {
        base_name: "live",
        arguments: {
          production_variants: [
            {
              variant_name: "ranker",
              model_name: "${aws_sagemaker_model.ranker.name}",
              instance_type: "ml.m5.large",
              initial_instance_count: 1,
              initial_variant_weight: 1,
            },
          ],
        },
      },
    });
  });

  it("names the configuration after its content, which holds the model's name; the endpoint keeps its name", () => {
    const configuration = resources(json, "aws_sagemaker_endpoint_configuration").live!;
    expect(configuration.name).toBe(contentName("live", "endpoint_configuration_content_live"));
    expect(configuration.lifecycle).toEqual({ create_before_destroy: true });
    expect(resources(json, "aws_sagemaker_endpoint").live).toEqual({
      name: "live",
      endpoint_config_name: "${aws_sagemaker_endpoint_configuration.live.name}",
      tags: { "managed-by": "Terraform" },
    });
  });

  it("gives the same JSON, byte for byte, for the same inputs", () => {
    expect(text(() => props())).toBe(text(() => props()));
  });

  it("changes the configuration's content, not the model's, for another instance type", () => {
    const other = synthesized(() => props("ml.c5.xlarge"));
    expect(other.locals!.model_content_ranker).toEqual(json.locals!.model_content_ranker);
    expect(other.locals!.endpoint_configuration_content_live).toEqual({
      base_name: "live",
      arguments: {
        production_variants: [
          {
            variant_name: "ranker",
            model_name: "${aws_sagemaker_model.ranker.name}",
            instance_type: "ml.c5.xlarge",
            initial_instance_count: 1,
            initial_variant_weight: 1,
          },
        ],
      },
    });
    expect(resources(other, "aws_sagemaker_endpoint").live).toEqual(
      resources(json, "aws_sagemaker_endpoint").live,
    );
  });

  it("changes the model's content for another image; the configuration follows the model's name", () => {
    const image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-inference:2.20.0";
    const other = synthesized(() => props("ml.m5.large", image));
    expect(
      (other.locals!.model_content_ranker as { arguments: { container: { image: string }[] } })
        .arguments.container[0]!.image,
    ).toBe(image);
    expect(other.locals!.endpoint_configuration_content_live).toEqual(
      json.locals!.endpoint_configuration_content_live,
    );
  });
});

describe("names within SageMaker's 63 characters", () => {
  it("cuts a given name of more than 54 characters to 54, keeping the whole name in the content", () => {
    const name = `${"a".repeat(50)}-model-name`;
    const json = synthesized(() => ({ models: { ranker: model({ name }) } }));
    expect(resources(json, "aws_sagemaker_model").ranker!.name).toBe(
      contentName(`${"a".repeat(50)}-mod`, "model_content_ranker"),
    );
    expect((json.locals!.model_content_ranker as { base_name: string }).base_name).toBe(name);
  });

  it("leaves a name built by Terraform to Terraform: its first 54 characters", () => {
    const json = synthesized((stack) => {
      const project = new TerraformVariable(stack, "project", { type: "string" });
      return { models: { ranker: model({ name: `${project.stringValue}-ranker` }) } };
    });
    expect(resources(json, "aws_sagemaker_model").ranker!.name).toBe(
      contentName(builtStart("model_content_ranker"), "model_content_ranker"),
    );
    expect((json.locals!.model_content_ranker as { base_name: string }).base_name).toBe(
      "${var.project}-ranker",
    );
  });
});

describe("what else a model's name follows", () => {
  it("puts the revision in the content, for an artifact uploaded again to the same key", () => {
    const json = synthesized(() => ({ models: { ranker: model({ revision: "3f9a" }) } }));
    expect(json.locals!.model_content_ranker).toMatchObject({ revision: "3f9a" });
  });
});

describe("the endpoint's rollback alarms", () => {
  it("are left as the endpoint was created with them: later changes would replace the endpoint", () => {
    const json = synthesized(() => ({
      ...props(),
      endpoints: {
        live: {
          provisioned: { productionVariants: { ranker: { instanceType: "ml.m5.large" } } },
          blueGreen: { terminationWait: "5 minutes" },
          autoRollback: { alarmNames: ["live-errors"] },
        },
      },
    }));
    expect(resources(json, "aws_sagemaker_endpoint").live!.lifecycle).toEqual({
      ignore_changes: ["deployment_config[0].auto_rollback_configuration"],
    });
  });

  it("are not mentioned on an endpoint without guardrails", () => {
    const json = synthesized(() => props());
    expect(resources(json, "aws_sagemaker_endpoint").live).not.toHaveProperty("lifecycle");
  });
});
