/**
 * No input crashes a construct: valid maximal props of SagemakerInference, ServerlessEndpoint and the four stacks,
 * each mutated at a random place in a random way (a key deleted, null, a value of another kind, nested garbage, a
 * map as a list, an empty string, NaN, a negative or huge number), either build or throw our ValidationError,
 * never another error (a TypeError from reading a value of the wrong kind). The generator is seeded: a failure
 * names the seed, the path and the mutation, and reproduces.
 */
import { Testing, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../modules/core/validation";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { ServerlessEndpoint } from "../../modules/serverless-endpoint/serverless-endpoint";
import { IamStack } from "../../stacks/alex/iam-stack";
import { SagemakerServerlessStack } from "../../stacks/alex/sagemaker-serverless-stack";
import { MlModuleStack } from "../../stacks/ml-module/ml-module-stack";
import { SagemakerProvisionedStack } from "../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";
import { untyped } from "../helpers/untyped-input";
import { MAXIMAL } from "./sagemaker-inference/maximal";

/** mulberry32: a small deterministic PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Every place in `value` a mutation can hit: each key of each object and each entry of each list. */
function placesOf(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [[...path, index], ...placesOf(item, [...path, index])]);
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [
      [...path, key],
      ...placesOf(item, [...path, key]),
    ]);
  }
  return [];
}

const GARBAGE: readonly { readonly name: string; readonly value: () => Json | undefined }[] = [
  { name: "null", value: () => null },
  { name: "undefined", value: () => undefined },
  { name: "0", value: () => 0 },
  { name: "-1", value: () => -1 },
  { name: "1e308", value: () => 1e308 },
  { name: "NaN", value: () => Number.NaN },
  { name: "1.5", value: () => 1.5 },
  { name: '""', value: () => "" },
  { name: '"x"', value: () => "x" },
  { name: "true", value: () => true },
  { name: "false", value: () => false },
  { name: "[]", value: () => [] },
  { name: "{}", value: () => ({}) },
  { name: '["x", 1]', value: () => ["x", 1] },
  { name: "nested garbage", value: () => ({ a: [1, { b: null }], c: "d" }) },
];

/** Applies one random mutation at one random place of a copy of `props`; says what it did. */
function mutate(
  props: Json,
  random: () => number,
): { readonly props: Json; readonly what: string } {
  const copy = structuredClone(props);
  const places = placesOf(copy);
  const path = places[Math.floor(random() * places.length)]!;
  let parent: Json = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string, Json>)[step]!;
  const key = path[path.length - 1]!;
  const holder = parent as Record<string | number, Json | undefined>;
  const current = holder[key];
  const roll = random();
  let what: string;
  if (roll < 0.2 && !Array.isArray(parent)) {
    Reflect.deleteProperty(holder, key);
    what = "deleted";
  } else if (
    roll < 0.3 &&
    typeof current === "object" &&
    current !== null &&
    !Array.isArray(current)
  ) {
    holder[key] = Object.values(current);
    what = "a map as a list";
  } else {
    const garbage = GARBAGE[Math.floor(random() * GARBAGE.length)]!;
    holder[key] = garbage.value();
    what = garbage.name;
  }
  return { props: copy, what: `${path.join(".")} = ${what}` };
}

interface Target {
  readonly name: string;
  readonly props: Json;
  readonly create: (props: Json) => void;
}

function inStack(create: (scope: Construct) => void): void {
  create(new TerraformStack(Testing.app(), "s"));
}

const TARGETS: readonly Target[] = [
  {
    name: "SagemakerInference",
    props: MAXIMAL as unknown as Json,
    create: (props) =>
      inStack((scope) => new SagemakerInference(scope, "x", untyped(props as object))),
  },
  {
    name: "ServerlessEndpoint",
    props: {
      iamRoleArn: "arn:aws:iam::111122223333:role/r",
      modelName: "m",
      endpointConfigurationName: "c",
      endpointName: "e",
      revision: "1",
      memorySizeInMB: 2048,
      maxConcurrency: 5,
      provisionedConcurrency: 2,
      encryptionKeyArn:
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      blueGreen: { trafficRouting: { type: "ALL_AT_ONCE" }, terminationWait: "5 minutes" },
      autoRollback: { alarmNames: ["a"] },
      managedByTag: true,
      nameTag: true,
      variantName: "v",
      additionalTags: { team: "ml" },
      container: {
        image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311",
        modelDataLocation: "s3://models/m/model.tar.gz",
        compressionType: "CompressedModel",
        environmentVariables: { A: "b" },
      },
    },
    create: (props) =>
      inStack((scope) => new ServerlessEndpoint(scope, "x", untyped(props as object))),
  },
  {
    name: "IamStack",
    props: { roleName: "r", executionPolicy: "least-privilege" },
    create: (props) => new IamStack(Testing.app(), "iam", untyped(props as object)),
  },
  {
    name: "SagemakerServerlessStack",
    props: {
      executionRoleArn: "arn:aws:iam::111122223333:role/r",
      modelName: "m",
      endpointConfigurationName: "c",
      endpointName: "e",
      memorySizeInMB: 2048,
      maxConcurrency: 5,
      encryptionKeyArn:
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      variantName: "v",
      blueGreen: { trafficRouting: { type: "ALL_AT_ONCE" } },
      rollbackAlarmNames: ["a"],
    },
    create: (props) =>
      new SagemakerServerlessStack(Testing.app(), "sagemaker-serverless", untyped(props as object)),
  },
  {
    name: "MlModuleStack",
    props: {
      lambdaVpcAccess: true,
      encryptionKeyArn:
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      blueGreen: { trafficRouting: { type: "ALL_AT_ONCE" } },
      rollbackAlarmNames: ["a"],
    },
    create: (props) => new MlModuleStack(Testing.app(), "ml-module", untyped(props as object)),
  },
  {
    name: "SagemakerProvisionedStack",
    props: {
      enableAutoScaling: true,
      enableCloudwatchLogs: true,
      enableEndpointMonitoring: true,
      enableSnsNotifications: true,
      enableVpcConfig: true,
      enableEncryption: true,
      modelArtifact: { source: "s3" },
      accessLogging: { targetBucket: "logs", targetPrefix: "s3/" },
      environment: "prod",
      blueGreen: {
        trafficRouting: {
          type: "CANARY",
          canarySize: { capacityPercent: 50 },
          waitInterval: "5 minutes",
        },
        terminationWait: "5 minutes",
        maximumExecutionTimeout: "30 minutes",
      },
      rollbackOnErrorAlarms: true,
    },
    create: (props) =>
      new SagemakerProvisionedStack(
        Testing.app(),
        "sagemaker-provisioned",
        untyped(props as object),
      ),
  },
];

/** Mutations per target: the constructs' props are deep, the stacks' shallow. */
const RUNS: Readonly<Record<string, number>> = {
  SagemakerInference: 200,
  ServerlessEndpoint: 80,
  IamStack: 15,
  SagemakerServerlessStack: 40,
  MlModuleStack: 20,
  SagemakerProvisionedStack: 40,
};

describe("no input crashes a construct: a mutated valid input builds or is refused with a ValidationError", () => {
  it.each(TARGETS)("$name, as given, builds", ({ props, create }) => {
    expect(() => create(props)).not.toThrow();
  });

  it.each(TARGETS)("$name, mutated", ({ name, props, create }) => {
    const seed = [...name].reduce((hash, c) => (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0, 7);
    const random = prng(seed);
    const crashes: string[] = [];
    for (let run = 0; run < RUNS[name]!; run++) {
      const mutation = mutate(props, random);
      try {
        create(mutation.props);
      } catch (error) {
        if (!(error instanceof ValidationError)) {
          crashes.push(`seed ${seed} run ${run}: ${mutation.what}: ${String(error)}`);
        }
      }
    }
    expect(crashes).toEqual([]);
  });
});
