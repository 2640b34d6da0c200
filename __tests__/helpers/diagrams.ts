/**
 * Stacks as the diagram library takes them, built in memory: what `npm run diagram` reads from cdktf.out.
 */
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import {
  Fn,
  TerraformLocal,
  TerraformOutput,
  TerraformStack,
  TerraformVariable,
  Testing,
} from "cdktf";
import type { Construct } from "constructs";
import type { SynthesizedStackInput } from "../../scripts/diagrams/stack-graph";
import { synthProject } from "./project";
import { synthStack, type SynthesizedStack } from "./synth";

/** A stack and its JSON, with its dependencies as cdktf's manifest.json lists them. */
export function diagramInput(
  stack: TerraformStack,
  terraform: SynthesizedStack = synthStack(stack),
): SynthesizedStackInput {
  return {
    name: stack.node.id,
    dependencies: stack.dependencies.map((dependency) => dependency.node.path),
    terraform,
  };
}

/** Every stack of the project's app. */
export function projectDiagramInputs(): SynthesizedStackInput[] {
  const { stacks, json } = synthProject();
  return Object.values(stacks).map((stack) => diagramInput(stack, json[stack.node.id]));
}

/**
 * A small stack with every kind of reference: interpolations whole and nested in a function call, a data
 * source, a variable, a local, `depends_on`, `replace_triggered_by`, an output.
 */
export function buildDemoStack(scope: Construct): void {
  new AwsProvider(scope, "aws", { region: "eu-west-1" });
  const prefix = new TerraformVariable(scope, "prefix", { type: "string" });
  const key = new KmsKey(scope, "key", { description: "model artifacts" });
  const trust = new DataAwsIamPolicyDocument(scope, "trust", {
    statement: [
      {
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["sagemaker.amazonaws.com"] }],
      },
    ],
  });
  const role = new IamRole(scope, "role", {
    name: `${prefix.stringValue}-role`,
    assumeRolePolicy: trust.json,
  });
  const bucket = new S3Bucket(scope, "bucket", {
    bucket: Fn.lower(`${prefix.stringValue}-${key.keyId}`),
    dependsOn: [role],
  });
  const modelName = new TerraformLocal(scope, "model_name", `${prefix.stringValue}-model`);
  new SagemakerModel(scope, "model", {
    name: modelName.asString,
    executionRoleArn: role.arn,
    primaryContainer: { image: "img", modelDataUrl: `s3://${bucket.bucket}/model.tar.gz` },
    lifecycle: { replaceTriggeredBy: [key] },
  });
  // A description is literal text: the address in it is no reference.
  new TerraformOutput(scope, "role_arn", {
    value: role.arn,
    description: "Not ${aws_kms_key.key.arn}",
  });
}

/**
 * Three stacks: `consumer` reads the ARN and name of `producer`'s role (cdktf cross-stack references),
 * `unrelated` depends on `producer` without reading anything.
 */
export function crossStackInputs(): Record<
  "consumer" | "producer" | "unrelated",
  SynthesizedStackInput
> {
  const app = Testing.app();
  const producer = new TerraformStack(app, "producer");
  new AwsProvider(producer, "aws", { region: "eu-west-1" });
  const role = new IamRole(producer, "role", { assumeRolePolicy: "{}" });
  const consumer = new TerraformStack(app, "consumer");
  new AwsProvider(consumer, "aws", { region: "eu-west-1" });
  new SagemakerModel(consumer, "model", {
    executionRoleArn: role.arn,
    primaryContainer: { image: "img" },
  });
  new TerraformOutput(consumer, "role_name", { value: role.name });
  const unrelated = new TerraformStack(app, "unrelated");
  unrelated.addDependency(producer);
  for (const stack of [producer, consumer, unrelated]) stack.prepareStack();
  return {
    consumer: diagramInput(consumer),
    producer: diagramInput(producer),
    unrelated: diagramInput(unrelated),
  };
}

/** The arrows from `consumer` into `producer` in the flowcharts of {@link crossStackInputs}. */
const CROSS_STACK_EDGES = [
  '  n_consumer_aws_sagemaker_model_model ==>|"arn"| n_producer_aws_iam_role_role',
  '  n_consumer_output_role_name ==>|"name"| n_producer_aws_iam_role_role',
];

/** The flowcharts of the stacks of {@link crossStackInputs}, and their overview. */
export const CROSS_STACK_FLOWCHARTS = {
  consumer: [
    "flowchart TD",
    '  subgraph s_consumer["Stack consumer"]',
    '    subgraph g_consumer_Outputs["Outputs"]',
    '      n_consumer_output_role_name>"output.role_name"]',
    "    end",
    '    subgraph g_consumer_SageMaker["SageMaker"]',
    '      n_consumer_aws_sagemaker_model_model["aws_sagemaker_model<br/>model"]',
    "    end",
    '    subgraph g_consumer_Providers["Providers"]',
    '      n_consumer_provider_aws[["provider.aws"]]',
    "    end",
    "  end",
    '  subgraph s_producer["Stack producer"]',
    '    n_producer_aws_iam_role_role["aws_iam_role<br/>role"]',
    "  end",
    ...CROSS_STACK_EDGES,
  ].join("\n"),
  producer: [
    "flowchart TD",
    '  subgraph s_producer["Stack producer"]',
    '    subgraph g_producer_IAM["IAM"]',
    '      n_producer_aws_iam_role_role["aws_iam_role<br/>role"]',
    "    end",
    '    subgraph g_producer_Providers["Providers"]',
    '      n_producer_provider_aws[["provider.aws"]]',
    "    end",
    "  end",
    '  subgraph s_consumer["Stack consumer"]',
    '    n_consumer_aws_sagemaker_model_model["aws_sagemaker_model<br/>model"]',
    '    n_consumer_output_role_name>"output.role_name"]',
    "  end",
    ...CROSS_STACK_EDGES,
  ].join("\n"),
  overview: [
    "flowchart LR",
    '  s_consumer["consumer<br/>resources: 1 SageMaker"]',
    '  s_producer["producer<br/>resources: 1 IAM"]',
    '  s_unrelated["unrelated<br/>no resources"]',
    '  s_consumer -->|"aws_iam_role.role.arn<br/>aws_iam_role.role.name"| s_producer',
    "  s_unrelated --> s_producer",
  ].join("\n"),
};
