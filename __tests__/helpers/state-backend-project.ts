/**
 * The project's app built under chosen SAGEMAKER_STATE_* variables (stacks/state-backend.ts), for the tests of the
 * state backends in npm test and in npm run test:terraform.
 */
import { Testing, type App } from "cdktf";
import { vi } from "vitest";
import { defineStacks, type ProjectStacks } from "../../stacks/app";
import { synthStack, type SynthesizedStack } from "./synth";

export const STACKS = [
  "iam",
  "sagemaker-serverless",
  "ml-module",
  "sagemaker-provisioned",
] as const;
export type StackName = (typeof STACKS)[number];

/** Runs `build` with exactly these state variables set (the suite runs without any), then restores them. */
export function withStateVariables<T>(
  variables: Readonly<Record<string, string>>,
  build: () => T,
): T {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith("SAGEMAKER_STATE_")) vi.stubEnv(name, undefined);
  }
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  try {
    return build();
  } finally {
    vi.unstubAllEnvs();
  }
}

export interface Project {
  readonly app: App;
  readonly stacks: ProjectStacks;
  readonly json: Readonly<Record<StackName, SynthesizedStack>>;
}

/** The project's app built under `variables`, each stack synthesized with cross-stack references wired up. */
export function projectWith(variables: Readonly<Record<string, string>>): Project {
  const app = Testing.app();
  const stacks = withStateVariables(variables, () => defineStacks(app));
  for (const stack of Object.values(stacks)) stack.prepareStack();
  const json = Object.fromEntries(
    Object.values(stacks).map((stack) => [stack.node.id, synthStack(stack)]),
  ) as Record<StackName, SynthesizedStack>;
  return { app, stacks, json };
}

/** The team's KMS key for the state. */
export const KMS_KEY =
  "arn:aws:kms:eu-west-1:111122223333:key/0f3c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
/** An S3 backend in eu-west-1, encrypted with the team's key, locked by a lock file (the default). */
export const S3 = {
  SAGEMAKER_STATE_BACKEND: "s3",
  SAGEMAKER_STATE_S3_BUCKET: "acme-terraform-state",
  SAGEMAKER_STATE_S3_REGION: "eu-west-1",
  SAGEMAKER_STATE_S3_KMS_KEY_ID: KMS_KEY,
};
