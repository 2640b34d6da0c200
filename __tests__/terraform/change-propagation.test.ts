/**
 * A change reaches the endpoint (modules/sagemaker-inference/content-names.ts), as Terraform plans it: the names of
 * models and configurations are computed by Terraform from their content, so a change to a variable (a HuggingFace
 * model id, an image, an artifact's location, an instance type) only shows in a plan. Each stack's stand-in is
 * planned with two values and the planned names compared; then applied (it creates `terraform_data` only) and planned
 * again after the change, where the stand-in knows which arguments force a new resource (`FORCES_REPLACEMENT`): the
 * model and the configuration are replaced, created before the old ones are destroyed, and the endpoint is updated in
 * place. Last, a state as an original left it (fixed names, an endpoint without `deployment_config`): the first plan
 * replaces the model and the configuration and updates the endpoint, unless rollback alarms are added to it.
 */
import { gzipSync } from "node:zlib";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IamStack } from "../../stacks/alex/iam-stack";
import {
  SagemakerServerlessStack,
  type SagemakerServerlessStackProps,
} from "../../stacks/alex/sagemaker-serverless-stack";
import {
  SagemakerProvisionedStack,
  type SagemakerProvisionedStackProps,
} from "../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";
import { OfflineTerraform } from "../../scripts/terraform/offline-terraform";
import { projectWorkspaces } from "../../scripts/terraform/project-stand-ins";
import type { TerraformConfiguration } from "../../scripts/terraform/stand-in";
import type { PlanOutcome, StandInWorkspace } from "../../scripts/terraform/stand-in-plans";
import { synthProject } from "../helpers/project";
import { synthStack } from "../helpers/synth";
import { TERRAFORM_CASES } from "./cases";

const MODEL = "aws_sagemaker_model";
const CONFIGURATION = "aws_sagemaker_endpoint_configuration";
const ENDPOINT = "aws_sagemaker_endpoint";

const terraform = new OfflineTerraform();
const disposed: StandInWorkspace[] = [];
const folder = mkdtempSync(join(tmpdir(), "change-propagation-"));

afterAll(() => {
  for (const workspace of disposed) workspace.dispose();
  terraform.dispose();
  rmSync(folder, { recursive: true, force: true });
});

/** The stand-ins of the project's stacks, by stack name. */
async function workspacesOf(
  json: Readonly<Record<string, unknown>>,
): Promise<Map<string, StandInWorkspace>> {
  const workspaces = await projectWorkspaces(
    terraform,
    Object.entries(json).map(([name, configuration]) => ({
      name,
      configuration: configuration as TerraformConfiguration,
      required: TERRAFORM_CASES[name]?.required ?? {},
    })),
  );
  disposed.push(...workspaces.values());
  return workspaces;
}

/** The Alex stacks, with the serverless stack's props. */
function alexJson(props: Partial<SagemakerServerlessStackProps> = {}): Record<string, unknown> {
  const app = Testing.app();
  const iam = new IamStack(app, "iam");
  const serverless = new SagemakerServerlessStack(app, "sagemaker-serverless", {
    executionRoleArn: iam.executionRole.roleArn,
    ...props,
  });
  for (const stack of [iam, serverless]) stack.prepareStack();
  return { iam: synthStack(iam), "sagemaker-serverless": synthStack(serverless) };
}

function provisionedJson(props: SagemakerProvisionedStackProps): Record<string, unknown> {
  return {
    "sagemaker-provisioned": synthStack(
      new SagemakerProvisionedStack(Testing.app(), "sagemaker-provisioned", props),
    ),
  };
}

/** The planned attribute `path` of the one instance of `type`. */
function planned(outcome: PlanOutcome, type: string, path = "name"): unknown {
  expect(outcome.errors).toEqual([]);
  const changes = outcome.changes.filter((change) => change.address.startsWith(`${type}.`));
  expect(changes).toHaveLength(1);
  return (changes[0]!.attributes as Record<string, unknown>)[path];
}

/** The names a plan gives, and how the configuration and the endpoint refer to them. */
function namesOf(outcome: PlanOutcome) {
  const variants = planned(outcome, CONFIGURATION, "production_variants") as {
    model_name: string;
  }[];
  return {
    model: planned(outcome, MODEL),
    configuration: planned(outcome, CONFIGURATION),
    endpoint: planned(outcome, ENDPOINT),
    configurationModel: variants[0]!.model_name,
    endpointConfiguration: planned(outcome, ENDPOINT, "endpoint_config_name"),
  };
}

/** Each SageMaker resource's planned actions, by address. */
function actionsOf(outcome: PlanOutcome): Record<string, string> {
  expect(outcome.errors).toEqual([]);
  return Object.fromEntries(
    outcome.changes
      .filter((change) => change.address.startsWith("aws_sagemaker_"))
      .map((change) => [change.address, change.actions.join(",")]),
  );
}

/** Names planned with two inputs: what differs, what stays, and that each refers to the other. */
function expectPropagated(
  before: ReturnType<typeof namesOf>,
  after: ReturnType<typeof namesOf>,
  pattern: { model: RegExp; configuration: RegExp },
  modelChanges: boolean,
): void {
  for (const names of [before, after]) {
    expect(names.model).toMatch(pattern.model);
    expect(names.configuration).toMatch(pattern.configuration);
    expect(names.configurationModel).toBe(names.model);
    expect(names.endpointConfiguration).toBe(names.configuration);
  }
  if (modelChanges) expect(after.model).not.toBe(before.model);
  else expect(after.model).toBe(before.model);
  expect(after.configuration).not.toBe(before.configuration);
  expect(after.endpoint).toBe(before.endpoint);
}

describe("sagemaker-serverless: a new HuggingFace model id, image or memory reaches the endpoint", () => {
  let project: Map<string, StandInWorkspace>;
  let memory: Map<string, StandInWorkspace>;
  const required = TERRAFORM_CASES["sagemaker-serverless"]!.required!;
  const pattern = {
    model: /^alex-embedding-model-[0-9a-f]{8}$/,
    configuration: /^alex-embedding-serverless-config-[0-9a-f]{8}$/,
  };
  beforeAll(async () => {
    project = await workspacesOf(synthProject().json);
    memory = await workspacesOf(alexJson({ memorySizeInMB: 4096 }));
  });
  const stack = () => project.get("sagemaker-serverless")!;

  it("plans new model and configuration names for another embedding_model_name, the same endpoint", async () => {
    const before = namesOf(await stack().plan({ variables: required }));
    const after = namesOf(
      await stack().plan({
        variables: { ...required, embedding_model_name: "BAAI/bge-small-en-v1.5" },
      }),
    );
    expectPropagated(before, after, pattern, true);
    expect(after.endpoint).toBe("alex-embedding-endpoint");
  });

  it("plans new names for another sagemaker_image_uri", async () => {
    const before = namesOf(await stack().plan({ variables: required }));
    const after = namesOf(
      await stack().plan({
        variables: {
          ...required,
          sagemaker_image_uri: "111122223333.dkr.ecr.us-east-1.amazonaws.com/embeddings:2",
        },
      }),
    );
    expectPropagated(before, after, pattern, true);
  });

  it("plans a new configuration name, the same model name, for another memory size", async () => {
    const before = namesOf(await stack().plan({ variables: required }));
    const after = namesOf(await memory.get("sagemaker-serverless")!.plan({ variables: required }));
    expectPropagated(before, after, pattern, false);
  });

  it("after a deployment: replaces model and configuration (created first), updates the endpoint in place", async () => {
    const outcome = await stack().planAfterApply(
      { variables: required },
      { variables: { ...required, embedding_model_name: "BAAI/bge-small-en-v1.5" } },
    );
    expect(actionsOf(outcome)).toEqual({
      "aws_sagemaker_endpoint.embedding_endpoint": "update",
      "aws_sagemaker_endpoint_configuration.serverless_config": "create,delete",
      "aws_sagemaker_model.embedding_model": "create,delete",
    });
  });

  it("after a deployment, unchanged inputs plan no change", async () => {
    const outcome = await stack().planAfterApply({ variables: required }, { variables: required });
    expect(actionsOf(outcome)).toEqual({
      "aws_sagemaker_endpoint.embedding_endpoint": "no-op",
      "aws_sagemaker_endpoint_configuration.serverless_config": "no-op",
      "aws_sagemaker_model.embedding_model": "no-op",
    });
  });

  it("from the original's state: replaces the model and the configuration once, updates the endpoint", async () => {
    const outcome = await stack().plan({
      variables: required,
      priorInstances: [
        "aws_sagemaker_model.embedding_model",
        "aws_sagemaker_endpoint_configuration.serverless_config",
        "aws_sagemaker_endpoint.embedding_endpoint",
      ],
      priorAttributes: {
        "aws_sagemaker_model.embedding_model": {
          input: { name: "alex-embedding-model" },
          triggers_replace: { name: "alex-embedding-model" },
        },
        "aws_sagemaker_endpoint_configuration.serverless_config": {
          input: { name: "alex-embedding-serverless-config" },
          triggers_replace: { name: "alex-embedding-serverless-config" },
        },
        "aws_sagemaker_endpoint.embedding_endpoint": {
          input: {
            name: "alex-embedding-endpoint",
            endpoint_config_name: "alex-embedding-serverless-config",
          },
          triggers_replace: { name: "alex-embedding-endpoint", deployment_config: [] },
        },
      },
    });
    expect(actionsOf(outcome)).toEqual({
      "aws_sagemaker_endpoint.embedding_endpoint": "update",
      "aws_sagemaker_endpoint_configuration.serverless_config": "create,delete",
      "aws_sagemaker_model.embedding_model": "create,delete",
    });
  });
});

describe("ml-module: a new image or artifact location reaches the endpoint", () => {
  let project: Map<string, StandInWorkspace>;
  const required = TERRAFORM_CASES["ml-module"]!.required!;
  const pattern = {
    model: /^voice-prod-optimal-call-time-model-[0-9a-f]{8}$/,
    configuration: /^voice-prod-serverless-endpoint-config-[0-9a-f]{8}$/,
  };
  beforeAll(async () => {
    project = await workspacesOf({ "ml-module": synthProject().json["ml-module"] });
  });
  const stack = () => project.get("ml-module")!;

  it("plans new model and configuration names for another sagemaker_container_image", async () => {
    const before = namesOf(await stack().plan({ variables: required }));
    const after = namesOf(
      await stack().plan({
        variables: {
          ...required,
          sagemaker_container_image:
            "111122223333.dkr.ecr.us-east-1.amazonaws.com/call-time-model:2",
        },
      }),
    );
    expectPropagated(before, after, pattern, true);
  });

  it("plans new names for another models bucket (the artifact's location)", async () => {
    const before = namesOf(await stack().plan({ variables: required }));
    const after = namesOf(
      await stack().plan({ variables: { ...required, ml_models_bucket: "voice-prod-models-v2" } }),
    );
    expectPropagated(before, after, pattern, true);
  });

  it("after a deployment: replaces model and configuration, updates the endpoint in place", async () => {
    const outcome = await stack().planAfterApply(
      { variables: required },
      {
        variables: {
          ...required,
          sagemaker_container_image:
            "111122223333.dkr.ecr.us-east-1.amazonaws.com/call-time-model:2",
        },
      },
    );
    expect(actionsOf(outcome)).toEqual({
      "aws_sagemaker_endpoint.serverless_endpoint": "update",
      "aws_sagemaker_endpoint_configuration.serverless_config": "create,delete",
      "aws_sagemaker_model.optimal_call_time_predictor": "create,delete",
    });
  });
});

describe("sagemaker-provisioned: a new image, artifact or instance type reaches the endpoint", () => {
  let project: Map<string, StandInWorkspace>;
  let otherArtifact: Map<string, StandInWorkspace>;
  let noRollback: Map<string, StandInWorkspace>;
  const pattern = {
    model: /^ml-models-sagemaker-dev-sklearn-iris-classifier-[0-9a-f]{8}$/,
    configuration: /^ml-models-sagemaker-dev-sklearn-iris-classifier-config-[0-9a-f]{8}$/,
  };
  beforeAll(async () => {
    project = await workspacesOf({
      "sagemaker-provisioned": synthProject().json["sagemaker-provisioned"],
    });
    const artifact = join(folder, "model-v2.tar.gz");
    writeFileSync(artifact, gzipSync(Buffer.from("another model")));
    otherArtifact = await workspacesOf(
      provisionedJson({ modelArtifact: { source: "local-file", path: artifact } }),
    );
    noRollback = await workspacesOf(provisionedJson({ rollbackOnErrorAlarms: false }));
  });
  const stack = () => project.get("sagemaker-provisioned")!;

  it("plans a new configuration name, the same model name, for another endpoint_instance_type", async () => {
    const before = namesOf(await stack().plan());
    const after = namesOf(
      await stack().plan({ variables: { endpoint_instance_type: "ml.c5.xlarge" } }),
    );
    expectPropagated(before, after, pattern, false);
    expect(after.endpoint).toBe("ml-models-sagemaker-dev-sklearn-iris-classifier-endpoint");
  });

  it("plans new model and configuration names for another container_image_uri", async () => {
    const before = namesOf(await stack().plan());
    const after = namesOf(
      await stack().plan({
        variables: {
          container_image_uri:
            "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.4-2-cpu-py3",
        },
      }),
    );
    expectPropagated(before, after, pattern, true);
  });

  it("plans new names for another artifact file uploaded to the same key", async () => {
    const before = namesOf(await stack().plan());
    const after = namesOf(await otherArtifact.get("sagemaker-provisioned")!.plan());
    expectPropagated(before, after, pattern, true);
  });

  it("after a deployment: a new instance type replaces the configuration only, the endpoint is updated", async () => {
    const outcome = await stack().planAfterApply(
      {},
      { variables: { endpoint_instance_type: "ml.c5.xlarge" } },
    );
    expect(actionsOf(outcome)).toEqual({
      "aws_sagemaker_endpoint.ml_endpoint": "update",
      "aws_sagemaker_endpoint_configuration.ml_endpoint_config": "create,delete",
      "aws_sagemaker_model.ml_model": "no-op",
    });
  });

  /** The recipe's model, configuration and endpoint as its state holds them: fixed names, no deployment_config. */
  const recipeState = {
    priorInstances: [
      "aws_sagemaker_model.ml_model",
      "aws_sagemaker_endpoint_configuration.ml_endpoint_config",
      "aws_sagemaker_endpoint.ml_endpoint",
    ],
    priorAttributes: {
      "aws_sagemaker_model.ml_model": {
        input: { name: "ml-models-sagemaker-dev-sklearn-iris-classifier" },
        triggers_replace: { name: "ml-models-sagemaker-dev-sklearn-iris-classifier" },
      },
      "aws_sagemaker_endpoint_configuration.ml_endpoint_config": {
        input: { name: "ml-models-sagemaker-dev-sklearn-iris-classifier-config" },
        triggers_replace: { name: "ml-models-sagemaker-dev-sklearn-iris-classifier-config" },
      },
      "aws_sagemaker_endpoint.ml_endpoint": {
        input: { name: "ml-models-sagemaker-dev-sklearn-iris-classifier-endpoint" },
        triggers_replace: {
          name: "ml-models-sagemaker-dev-sklearn-iris-classifier-endpoint",
          deployment_config: [],
        },
      },
    },
  };

  it("from the recipe's state, without rollback alarms: model and configuration replaced once, the endpoint updated", async () => {
    const outcome = await noRollback.get("sagemaker-provisioned")!.plan(recipeState);
    expect(actionsOf(outcome)).toEqual({
      "aws_sagemaker_endpoint.ml_endpoint": "update",
      "aws_sagemaker_endpoint_configuration.ml_endpoint_config": "create,delete",
      "aws_sagemaker_model.ml_model": "create,delete",
    });
  });

  it("from the recipe's state, with the default rollback alarms: the endpoint would be replaced", async () => {
    const outcome = await stack().plan(recipeState);
    expect(actionsOf(outcome)).toMatchObject({
      "aws_sagemaker_endpoint.ml_endpoint": "delete,create",
    });
  });
});
