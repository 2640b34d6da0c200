/**
 * The recipe's own-container route, `modelArtifact: { source: "s3" }`: the image is container_image_uri or the
 * stack's repository's `latest`, the artifact model_data_url or s3://<bucket>/model.tar.gz, as in the recipe. It
 * differs from the default (the iris sample) only in the model, its image and artifact, and what names them.
 */
import { readFileSync } from "node:fs";
import { Testing, type App } from "cdktf";
import { describe, expect, it } from "vitest";
import { SagemakerProvisionedStack } from "../../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";
import { addresses, synthStack, type SynthesizedStack } from "../../helpers/synth";
import {
  BUCKET,
  DEFAULT_ADDRESSES,
  defaultProvisioned,
  REPOSITORY_URL,
  synthProvisioned,
} from "./expected";

/** A copy of `json` without the parts where the two routes differ. */
function withoutModelSource(json: SynthesizedStack): unknown {
  const copy = JSON.parse(JSON.stringify(json)) as {
    locals: Record<string, unknown>;
    variable: Record<string, { description?: string }>;
    resource: Record<string, unknown>;
    output: Record<string, { value: unknown }>;
  };
  delete copy.locals.container_image;
  delete copy.locals.model_artifact_url;
  delete copy.locals.sklearn_inference_registry_accounts;
  delete copy.variable.container_image_uri!.description;
  delete copy.resource.aws_s3_object;
  delete copy.resource.aws_sagemaker_model;
  // The model's content: its arguments are the model's, its revision the uploaded file's hash (the test below).
  delete copy.locals.ml_model_content;
  delete copy.output.next_steps;
  // Whether the model is isolated (the test below).
  delete (copy.output.security_features!.value as Record<string, unknown>).network_isolation;
  return copy;
}

describe("the recipe's own container (modelArtifact source s3)", () => {
  const { json } = synthProvisioned({ modelArtifact: { source: "s3" } });
  const sample = defaultProvisioned();

  it("runs the image in container_image_uri, or the stack's repository's latest", () => {
    expect(json.locals?.container_image).toBe(
      `\${(length(var.container_image_uri) < 1) ? "${REPOSITORY_URL}:latest" : var.container_image_uri}`,
    );
    expect(json.variable?.container_image_uri?.description).toBe(
      "Inference image URI; empty: the stack's ECR repository, tag latest",
    );
    expect(json.locals).not.toHaveProperty("sklearn_inference_registry_accounts");
  });

  it("reads the artifact at model_data_url, or s3://<bucket>/model.tar.gz, and uploads nothing", () => {
    expect(json.locals?.model_artifact_url).toBe(
      `\${(length(var.model_data_url) < 1) ? "s3://${BUCKET}/model.tar.gz" : var.model_data_url}`,
    );
    expect(addresses(json)).toEqual(
      DEFAULT_ADDRESSES.filter((address) => address !== "aws_s3_object.model_artifact"),
    );
  });

  it("gives the container the recipe's environment and no region check", () => {
    const model = json.resource?.aws_sagemaker_model?.ml_model as {
      primary_container: unknown;
      lifecycle: { precondition: unknown[] };
    };
    expect(model.primary_container).toEqual({
      image: "${local.model_image}",
      model_data_url: "${local.model_artifact_url}",
      environment: {
        SAGEMAKER_PROGRAM: "predictor.py",
        SAGEMAKER_SUBMIT_DIRECTORY: "/opt/ml/code",
      },
    });
    expect(model.lifecycle.precondition).toHaveLength(1);
  });

  it("names the model after its arguments alone: the artifact's URL is the model's, no revision", () => {
    expect(json.locals?.ml_model_content).toEqual({
      base_name: "${local.name_prefix}-${var.model_name}",
      arguments: {
        enable_network_isolation: false,
        execution_role_arn: "${aws_iam_role.sagemaker_execution_role.arn}",
        primary_container: {
          image: "${local.model_image}",
          model_data_url: "${local.model_artifact_url}",
          environment: {
            SAGEMAKER_PROGRAM: "predictor.py",
            SAGEMAKER_SUBMIT_DIRECTORY: "/opt/ml/code",
          },
        },
      },
    });
  });

  it("tells you to push your container and upload your artifact", () => {
    expect((json.output?.next_steps?.value as string[]).slice(0, 2)).toEqual([
      `1. Build and push your inference container to ECR: ${REPOSITORY_URL}`,
      `2. Upload your model artifacts to: s3://${BUCKET}/model.tar.gz`,
    ]);
  });

  it("runs the model with network access, as the recipe does, and says so; the sample's runs isolated", () => {
    const isolation = (stack: SynthesizedStack) => [
      stack.resource?.aws_sagemaker_model?.ml_model?.enable_network_isolation,
      (stack.output?.security_features?.value as Record<string, unknown>).network_isolation,
    ];
    expect(isolation(json)).toEqual([false, false]);
    expect(isolation(sample)).toEqual([true, true]);
  });

  it("is otherwise the same stack as the iris sample's", () => {
    expect(withoutModelSource(json)).toEqual(withoutModelSource(sample));
  });

  it("is what the example in docs/first-deployment.md synthesizes", () => {
    const doc = readFileSync("docs/first-deployment.md", "utf8");
    const example = /```ts\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";
    expect(example).toContain("new SagemakerProvisionedStack(app,");
    const app = Testing.app();
    // The example is TypeScript without types, so JavaScript too: it runs as written, with what it names in scope.
    const run = new Function("app", "SagemakerProvisionedStack", example) as (
      app: App,
      stack: typeof SagemakerProvisionedStack,
    ) => void;
    run(app, SagemakerProvisionedStack);
    const stack = app.node.findChild("sagemaker-provisioned") as SagemakerProvisionedStack;
    expect(synthStack(stack)).toEqual(json);
  });
});
