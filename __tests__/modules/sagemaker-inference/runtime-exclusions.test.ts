/**
 * What the types exclude is refused at synth too, for props from JSON, JavaScript or a cast: each with the usual
 * error (path, field, value, allowed). A rule on two fields names the field to change; no problem takes advice from
 * a value reported as wrong in the same error.
 */
import { describe, expect, it } from "vitest";
import type { SagemakerInferenceProps } from "../../../modules/sagemaker-inference/props";
import { errorOf, expectProblems, IMAGE, model, ROLE_ARN } from "./fixtures";

/** Props as a JSON file gives them: no type checks. */
function fromJson(json: string): SagemakerInferenceProps {
  return JSON.parse(json) as SagemakerInferenceProps;
}

const MODEL_JSON = JSON.stringify({
  iamRoleArn: ROLE_ARN,
  containerDefinitions: {
    main: { image: IMAGE, modelDataLocation: "s3://models/model.tar.gz" },
  },
});

describe("serverless endpoints, from JSON: what the types exclude", () => {
  it("refuses data capture, shadow variants, production variants and asynchronous inference", () => {
    expectProblems(
      fromJson(`{
        "models": { "m": ${MODEL_JSON}, "n": ${MODEL_JSON} },
        "endpoints": {
          "e": {
            "serverless": {
              "variant": { "modelName": "m" },
              "enableDataCapture": { "s3LocationToStoreDataCollected": "s3://capture/e/" },
              "shadowVariants": { "n": { "instanceType": "ml.m5.large" } },
              "productionVariants": { "n": { "instanceType": "ml.m5.large" } },
              "asyncInvocationConfig": { "s3OutputPath": "s3://out/e/" },
              "tags": { "team": "ml" }
            }
          }
        }
      }`),
      [
        'endpoints.e.serverless.enableDataCapture: got {"s3LocationToStoreDataCollected":"s3://capture/e/"}; allowed: no data capture (serverless endpoints exclude data capture; a provisioned endpoint captures data)',
        'endpoints.e.serverless.shadowVariants: got {"n":{"instanceType":"ml.m5.large"}}; allowed: no shadow variant (serverless endpoints exclude multiple production variants; a provisioned endpoint runs shadow tests)',
        'endpoints.e.serverless.productionVariants: got {"n":{"instanceType":"ml.m5.large"}}; allowed: no production variants besides its one variant (serverless endpoints exclude multiple production variants)',
        'endpoints.e.serverless.asyncInvocationConfig: got {"s3OutputPath":"s3://out/e/"}; allowed: no asynchronous inference (it runs on the instances of a provisioned endpoint)',
        'endpoints.e.serverless.tags: got {"team":"ml"}; allowed: no such setting (known: variant)',
      ],
    );
  });

  it("refuses two variants written as a map, without advice about the modelName it lacks", () => {
    expectProblems(
      fromJson(`{
        "models": { "a": ${MODEL_JSON}, "b": ${MODEL_JSON} },
        "endpoints": {
          "e": { "serverless": { "variant": { "a": { "maxConcurrency": 5 }, "b": { "maxConcurrency": 5 } } } }
        }
      }`),
      [
        'endpoints.e.serverless.variant: got "2 variants (a, b)"; allowed: the endpoint\'s one variant, { modelName, ... } (serverless endpoints exclude multiple production variants)',
      ],
    );
  });

  it("refuses a missing variant, and settings a serverless variant does not have", () => {
    expectProblems(
      fromJson(`{
        "models": { "m": ${MODEL_JSON} },
        "endpoints": {
          "none": { "serverless": {} },
          "odd": { "serverless": { "variant": { "modelName": "m", "instanceType": "ml.m5.large" } } }
        }
      }`),
      [
        "endpoints.none.serverless.variant: got (not set); allowed: the endpoint's one variant, { modelName, ... } (required)",
        'endpoints.odd.serverless.variant.instanceType: got "ml.m5.large"; allowed: no instance type: a setting of a provisioned endpoint\'s variants, on instances (a serverless variant has memorySizeInMB and maxConcurrency)',
      ],
    );
  });

  it("refuses network isolation and a VPC on the model it serves, on the model's fields", () => {
    expectProblems(
      fromJson(`{
        "models": {
          "m": {
            "iamRoleArn": "${ROLE_ARN}",
            "enableNetworkIsolation": true,
            "vpcConfig": { "securityGroupIds": ["sg-0123456789abcdef0"], "subnetIds": ["subnet-1"] },
            "containerDefinitions": { "main": { "image": "${IMAGE}" } }
          }
        },
        "endpoints": {
          "warm": { "serverless": { "variant": { "modelName": "m" } } },
          "cold": { "serverless": { "variant": { "modelName": "m" } } }
        }
      }`),
      [
        'models.m.vpcConfig: got {"securityGroupIds":["sg-0123456789abcdef0"],"subnetIds":["subnet-1"]}; allowed: not set, for a model a serverless endpoint serves (serverless endpoints exclude VPC configuration; endpoints "warm", "cold" serve it)',
        'models.m.enableNetworkIsolation: got true; allowed: false or not set, for a model a serverless endpoint serves (serverless endpoints exclude network isolation; endpoints "warm", "cold" serve it)',
      ],
    );
  });

  it("accepts the same props with a well-formed serverless endpoint", () => {
    expect(
      errorOf(
        fromJson(`{
          "models": { "m": ${MODEL_JSON} },
          "endpoints": { "e": { "serverless": { "variant": { "modelName": "m", "maxConcurrency": 5 } } } }
        }`),
      ),
    ).toBeUndefined();
  });
});

const VARIANT = "endpoints.e.provisioned.productionVariants.m";

function provisioned(variant: Record<string, unknown>): SagemakerInferenceProps {
  return fromJson(
    JSON.stringify({
      models: { m: model() },
      endpoints: {
        e: {
          provisioned: { productionVariants: { m: { instanceType: "ml.m5.large", ...variant } } },
        },
      },
    }),
  );
}

const SCALING = { policies: { p: { expression: "SageMakerVariantInvocationsPerInstance = 70" } } };

describe("rules on two fields name the field to change, with its value", () => {
  it("auto scaling on ml.t2: the instance type", () => {
    expectProblems(provisioned({ instanceType: "ml.t2.large", autoScaling: SCALING }), [
      `${VARIANT}.instanceType: got "ml.t2.large"; allowed: an instance type SageMaker can auto scale, not a burstable ml.t2 type, as the variant has autoScaling (or leave autoScaling out)`,
    ]);
  });

  it("auto scaling on an instance type that is no instance type: that problem only", () => {
    expectProblems(provisioned({ instanceType: "ml.t2.huge", autoScaling: SCALING }), [
      `${VARIANT}.instanceType: got "ml.t2.huge"; allowed: a SageMaker instance type such as ml.m5.large or ml.g5.2xlarge`,
    ]);
  });
});

describe("no advice from a value reported as wrong in the same error", () => {
  it("an alarm's evaluation periods are not bounded by a period that is refused", () => {
    expectProblems(
      provisioned({
        cloudwatchAlarms: {
          fast: {
            expression: "Invocations sum > 1",
            period: "30 seconds",
            evaluationPeriods: 3000,
          },
          slow: { expression: "Invocations sum > 1", period: "7 hours", evaluationPeriods: 30 },
          half: { expression: "Invocations sum > 1", evaluationPeriods: 1441.5 },
        },
      }),
      [
        `${VARIANT}.cloudwatchAlarms.fast.period: got "30 seconds"; allowed: a duration from "1 minute" to "6 hours" in whole minutes`,
        `${VARIANT}.cloudwatchAlarms.slow.period: got "7 hours"; allowed: a duration from "1 minute" to "6 hours" in whole minutes`,
        `${VARIANT}.cloudwatchAlarms.half.evaluationPeriods: got 1441.5; allowed: a whole number of at least 1`,
      ],
    );
  });

  it("the default period still bounds them", () => {
    expectProblems(
      provisioned({
        cloudwatchAlarms: { many: { expression: "Invocations sum > 1", evaluationPeriods: 1441 } },
      }),
      [
        `${VARIANT}.cloudwatchAlarms.many.evaluationPeriods: got 1441; allowed: at most 1440 with a period of "1 minute" (CloudWatch evaluates at most 1 day of data for periods under an hour, 7 days otherwise)`,
      ],
    );
  });

  it("a minimum capacity is not bounded by a maximum that is refused", () => {
    expectProblems(
      provisioned({ autoScaling: { ...SCALING, minimumCapacity: 3, maximumCapacity: 1.5 } }),
      [`${VARIANT}.autoScaling.maximumCapacity: got 1.5; allowed: a whole number of at least 1`],
    );
  });

  it("serverless: nothing is bounded by a maxConcurrency or a provisioned concurrency that is refused", () => {
    const serverless = (variant: Record<string, unknown>) =>
      fromJson(
        JSON.stringify({
          models: { m: model() },
          endpoints: { s: { serverless: { variant: { modelName: "m", ...variant } } } },
        }),
      );
    const policies = {
      p: { expression: "SageMakerVariantProvisionedConcurrencyUtilization = 0.7" },
    };
    const FIELD = "endpoints.s.serverless.variant";
    expectProblems(
      serverless({
        maxConcurrency: 0,
        provisionedConcurrency: 5,
        autoScaling: { maximumCapacity: 5, policies },
      }),
      [`${FIELD}.maxConcurrency: got 0; allowed: a whole number from 1 to 200`],
    );
    expectProblems(serverless({ provisionedConcurrency: 0, autoScaling: { policies } }), [
      `${FIELD}.provisionedConcurrency: got 0; allowed: a whole number from 1 to 200`,
    ]);
    expectProblems(serverless({ maxConcurrency: 500, provisionedConcurrency: 300 }), [
      `${FIELD}.maxConcurrency: got 500; allowed: a whole number from 1 to 200`,
      `${FIELD}.provisionedConcurrency: got 300; allowed: a whole number from 1 to 200`,
    ]);
  });
});
