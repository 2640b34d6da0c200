import { describe, expect, it } from "vitest";
import { overviewFlowchart, stackFlowchart } from "../../../scripts/diagrams/flowcharts";
import { appGraph } from "../../../scripts/diagrams/stack-graph";
import { buildDemoStack, CROSS_STACK_FLOWCHARTS, crossStackInputs } from "../../helpers/diagrams";
import { synthScope } from "../../helpers/synth";

describe("stackFlowchart", () => {
  it("draws every node in its service group and every reference and depends_on as an arrow", () => {
    const graph = appGraph([
      { name: "demo", dependencies: [], terraform: synthScope(buildDemoStack) },
    ]);
    expect(stackFlowchart(graph, "demo")).toEqual(
      [
        "flowchart TD",
        '  subgraph s_demo["Stack demo"]',
        '    subgraph g_demo_Outputs["Outputs"]',
        '      n_demo_output_role_arn>"output.role_arn"]',
        "    end",
        '    subgraph g_demo_IAM["IAM"]',
        '      n_demo_aws_iam_role_role["aws_iam_role<br/>role"]',
        '      n_demo_data_aws_iam_policy_document_trust[/"data.aws_iam_policy_document<br/>trust"/]',
        "    end",
        '    subgraph g_demo_KMS["KMS"]',
        '      n_demo_aws_kms_key_key["aws_kms_key<br/>key"]',
        "    end",
        '    subgraph g_demo_S3["S3"]',
        '      n_demo_aws_s3_bucket_bucket["aws_s3_bucket<br/>bucket"]',
        "    end",
        '    subgraph g_demo_SageMaker["SageMaker"]',
        '      n_demo_aws_sagemaker_model_model["aws_sagemaker_model<br/>model"]',
        "    end",
        '    subgraph g_demo_Providers["Providers"]',
        '      n_demo_provider_aws[["provider.aws"]]',
        "    end",
        '    subgraph g_demo_Locals["Locals"]',
        '      n_demo_local_model_name{{"local.model_name"}}',
        "    end",
        '    subgraph g_demo_Variables["Variables"]',
        '      n_demo_var_prefix(["var.prefix"])',
        "    end",
        "  end",
        '  n_demo_aws_iam_role_role -->|"json"| n_demo_data_aws_iam_policy_document_trust',
        "  n_demo_aws_iam_role_role --> n_demo_var_prefix",
        '  n_demo_aws_s3_bucket_bucket -.->|"depends_on"| n_demo_aws_iam_role_role',
        '  n_demo_aws_s3_bucket_bucket -->|"key_id"| n_demo_aws_kms_key_key',
        "  n_demo_aws_s3_bucket_bucket --> n_demo_var_prefix",
        '  n_demo_aws_sagemaker_model_model -->|"arn"| n_demo_aws_iam_role_role',
        "  n_demo_aws_sagemaker_model_model --> n_demo_aws_kms_key_key",
        '  n_demo_aws_sagemaker_model_model -->|"bucket"| n_demo_aws_s3_bucket_bucket',
        "  n_demo_aws_sagemaker_model_model --> n_demo_local_model_name",
        "  n_demo_local_model_name --> n_demo_var_prefix",
        '  n_demo_output_role_arn -->|"arn"| n_demo_aws_iam_role_role',
      ].join("\n"),
    );
  });

  it("fails for a stack that is not in the graph", () => {
    expect(() => stackFlowchart(appGraph([]), "gone")).toThrowError(
      "No stack 'gone' in the app graph.",
    );
  });
});

describe("flowcharts across stacks", () => {
  const { consumer, producer, unrelated } = crossStackInputs();
  const graph = appGraph([consumer, producer, unrelated]);

  it("draws the consumer's references as thick arrows into the producer's subgraph", () => {
    expect(stackFlowchart(graph, "consumer")).toEqual(CROSS_STACK_FLOWCHARTS.consumer);
  });

  it("shows the producer who reads it, in the consumer's subgraph", () => {
    expect(stackFlowchart(graph, "producer")).toEqual(CROSS_STACK_FLOWCHARTS.producer);
  });

  it("draws the overview: every stack, an arrow for every dependency, labelled with what it reads", () => {
    expect(overviewFlowchart(graph)).toEqual(CROSS_STACK_FLOWCHARTS.overview);
  });
});
