/**
 * Props and helpers shared by the SagemakerInference tests.
 */
import { Testing, TerraformStack } from "cdktf";
import { expect } from "vitest";
import type { ModelProps } from "../../../modules/sagemaker-inference/props";
import {
  SagemakerInference,
  type SagemakerInferenceProps,
} from "../../../modules/sagemaker-inference/sagemaker-inference";
import {
  resourcesOf,
  synthStack,
  type Attributes,
  type SynthesizedStack,
} from "../../helpers/synth";
import { withBaseNames } from "../../helpers/content-names";

export const ROLE_ARN =
  "arn:aws:iam::111122223333:role/service-role/AmazonSageMakerServiceCatalogProductsExecutionRole";
export const IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-inference:2.19.0";
export const TOPIC = "arn:aws:sns:us-east-1:111122223333:alerts";
export const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** A one-container model with a compressed artifact. */
export function model(overrides: Partial<ModelProps> = {}): ModelProps {
  return {
    iamRoleArn: ROLE_ARN,
    containerDefinitions: {
      container1: { image: IMAGE, modelDataLocation: "s3://demo-bucket/demo-model.tar.gz" },
    },
    ...overrides,
  };
}

/** The "Basic Usage" example of the FriendsOfTerraform module's README (seed 004), in TypeScript. */
export const BASIC_USAGE: SagemakerInferenceProps = {
  models: {
    "demo-model": {
      iamRoleArn: ROLE_ARN,
      containerDefinitions: {
        container1: { image: IMAGE, modelDataLocation: "s3://demo-bucket/demo-model.tar.gz" },
      },
    },
  },
  endpoints: {
    "realtime-endpoint": {
      provisioned: {
        productionVariants: {
          "demo-model": {
            instanceType: "ml.m5.large",
            autoScaling: {
              policies: {
                "builtin-policy": { expression: "SageMakerVariantInvocationsPerInstance = 1000" },
                "keep-invocations-near-100": { expression: "Invocations average = 100" },
              },
            },
            cloudwatchAlarms: {
              "invocations-greater-than-1000": { expression: "Invocations average > 1000" },
              "invocation-5xx-errors-greater-than-10": {
                expression: "Invocation5XXErrors average >= 10",
              },
            },
          },
        },
      },
    },
  },
};

export interface SynthesizedInference {
  readonly stack: TerraformStack;
  readonly inference: SagemakerInference;
  readonly json: SynthesizedStack;
}

/**
 * The construct, with id `inference`, alone in a stack `test`. Pass a function to build the props in the
 * stack (for Terraform variables).
 */
export function synthInference(props: PropsIn, id = "inference"): SynthesizedInference {
  const stack = new TerraformStack(Testing.app(), "test");
  const inference = new SagemakerInference(
    stack,
    id,
    typeof props === "function" ? props(stack) : props,
  );
  return { stack, inference, json: withBaseNames(synthStack(stack)) };
}

/** Props, or a function that builds them in the stack (for Terraform variables). */
export type PropsIn =
  SagemakerInferenceProps | ((stack: TerraformStack) => SagemakerInferenceProps);

/** The message the construct throws for `props`, or `undefined` when it accepts them. */
export function errorOf(props: PropsIn): string | undefined {
  const stack = new TerraformStack(Testing.app(), "test");
  try {
    new SagemakerInference(stack, "inference", typeof props === "function" ? props(stack) : props);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Expects the construct to refuse `props` with exactly these problem lines, in this order. */
export function expectProblems(props: PropsIn, problems: readonly string[]): void {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  expect(errorOf(props)).toBe(
    [
      `Invalid configuration for 'test/inference' (${count}):`,
      ...problems.map((p) => `  - ${p}`),
    ].join("\n"),
  );
}

/** The synthesized resources of `type` by the value of their attribute `key` (their name). */
export function resourcesBy(
  json: SynthesizedStack,
  type: string,
  key: string,
): Record<string, Attributes> {
  return Object.fromEntries(
    Object.values(resourcesOf(json, type)).map((attributes) => [
      String(attributes[key]),
      attributes,
    ]),
  );
}
