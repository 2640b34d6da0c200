/**
 * Readable Terraform names in a user's stack on ProjectStack (modules/core/terraform-names.ts): resources a
 * construct creates are named after their keys or construct path, never with a hash, and two elements with one
 * name stop the synth with both construct paths.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing, type App } from "cdktf";
import { describe, expect, it } from "vitest";
import { EncryptionKey } from "../../modules/kms/encryption-key";
import {
  SagemakerInference,
  type SagemakerInferenceProps,
} from "../../modules/sagemaker-inference/sagemaker-inference";
import { ProjectStack } from "../../stacks/project-stack";
import { synthesizeApp } from "../../stacks/synthesize-app";
import { model } from "../modules/sagemaker-inference/fixtures";
import { addresses, resourcesOf, type SynthesizedStack } from "../helpers/synth";

const CHURN: SagemakerInferenceProps = {
  models: { "churn-model": model(), "3d-model": model() },
  endpoints: {
    "churn-endpoint": {
      provisioned: {
        productionVariants: {
          "churn-model": {
            instanceType: "ml.m5.large",
            autoScaling: {
              maximumCapacity: 4,
              policies: {
                "invocations-per-instance": {
                  expression: "SageMakerVariantInvocationsPerInstance = 100",
                },
              },
            },
            cloudwatchAlarms: { "errors-above-10": { expression: "Invocation5XXErrors sum > 10" } },
          },
        },
      },
    },
  },
};

class ChurnStack extends ProjectStack {
  public constructor(app: App) {
    super(app, "churn");
    new SagemakerInference(this, "inference", CHURN);
    new EncryptionKey(this, "churn-key", { description: "Churn", aliasName: "alias/churn" });
  }
}

describe("Terraform names in a ProjectStack", () => {
  const json = JSON.parse(Testing.synth(new ChurnStack(Testing.app()))) as SynthesizedStack;

  it("names SagemakerInference's resources after their keys, and other constructs' after their path", () => {
    expect(addresses(json)).toEqual([
      "aws_appautoscaling_policy.churn_endpoint_churn_model_invocations_per_instance",
      "aws_appautoscaling_target.churn_endpoint_churn_model",
      "aws_cloudwatch_metric_alarm.churn_endpoint_churn_model_errors_above_10",
      "aws_kms_alias.churn_key_alias",
      "aws_kms_key.churn_key_key",
      "aws_sagemaker_endpoint.churn_endpoint",
      "aws_sagemaker_endpoint_configuration.churn_endpoint",
      // A name cannot start with a digit.
      "aws_sagemaker_model._3d_model",
      "aws_sagemaker_model.churn_model",
      "data.aws_caller_identity.current",
      "data.aws_iam_policy_document.churn_key_policy",
      "data.aws_partition.current",
    ]);
  });

  it("refers to them by those names", () => {
    expect(resourcesOf(json, "aws_appautoscaling_policy")).toMatchObject({
      churn_endpoint_churn_model_invocations_per_instance: {
        resource_id: "${aws_appautoscaling_target.churn_endpoint_churn_model.resource_id}",
      },
    });
    expect(resourcesOf(json, "aws_kms_alias").churn_key_alias!.target_key_id).toBe(
      "${aws_kms_key.churn_key_key.key_id}",
    );
  });
});

describe("two elements with one Terraform name", () => {
  class TwoInferenceStack extends ProjectStack {
    public constructor(app: App) {
      super(app, "churn");
      new SagemakerInference(this, "team-a", { models: { "churn-model": model() } });
      new SagemakerInference(this, "team-b", { models: { "churn-model": model() } });
    }
  }
  // The first clash Terraform names meet: the locals the models' names are derived from (content-names.ts).
  const PROBLEM =
    "Invalid configuration for 'churn/team-b/model-content_churn-model' (1 problem):\n" +
    '  - Terraform address: got "local.model_content_churn_model"; allowed: an address no other element of ' +
    "stack 'churn' has (churn/team-a/model-content_churn-model has it too): give one of them other keys or " +
    "another construct id, or an address of its own with keepAddresses";

  it("stop the synth, naming both construct paths", () => {
    expect(() => Testing.synth(new TwoInferenceStack(Testing.app()))).toThrowError(PROBLEM);
  });

  it("are reported by the app before synth, as any invalid input", () => {
    const printed: string[] = [];
    const code = synthesizeApp((app) => new TwoInferenceStack(app), {
      env: { CDKTF_OUTDIR: mkdtempSync(join(tmpdir(), "names-")) },
      writeError: (text) => printed.push(text),
    });
    expect(code).toBe(1);
    expect(printed).toEqual([`${PROBLEM}\n`]);
  });
});
