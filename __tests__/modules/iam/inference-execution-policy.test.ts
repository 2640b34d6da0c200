import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  inferenceExecutionDocument,
  InferenceExecutionPolicy,
} from "../../../modules/iam/inference-execution-policy";
import { onlyDataSource, onlyResource, synthScope } from "../../helpers/synth";
import { vpcNetworkStatements } from "../../helpers/expected";

const PARTITION = "${data.aws_partition.current.partition}";
const REPOSITORY = `arn:${PARTITION}:ecr:eu-west-1:763104351884:repository/huggingface-pytorch-inference`;

describe("InferenceExecutionPolicy", () => {
  it("grants the endpoint's logs, metrics, the ECR login, image pulls and model artifacts, and nothing else", () => {
    const json = synthScope((scope) => {
      new InferenceExecutionPolicy(scope, "execution", {
        roleName: "my-role",
        imageRepositoryArns: [REPOSITORY],
        modelArtifactArns: [`arn:${PARTITION}:s3:::models/model.tar.gz`],
      });
    });
    const document = onlyDataSource(json, "aws_iam_policy_document");
    expect(document.attributes).toEqual({
      statement: [
        {
          sid: "EndpointLogs",
          effect: "Allow",
          actions: [
            "logs:CreateLogGroup",
            "logs:CreateLogStream",
            "logs:DescribeLogStreams",
            "logs:PutLogEvents",
          ],
          resources: [
            `arn:${PARTITION}:logs:\${data.aws_region.current.region}:\${data.aws_caller_identity.current.account_id}:log-group:/aws/sagemaker/Endpoints/*`,
          ],
        },
        {
          sid: "Metrics",
          effect: "Allow",
          actions: ["cloudwatch:PutMetricData"],
          resources: ["*"],
        },
        {
          sid: "RegistryLogin",
          effect: "Allow",
          actions: ["ecr:GetAuthorizationToken"],
          resources: ["*"],
        },
        {
          sid: "ImagePull",
          effect: "Allow",
          actions: [
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer",
          ],
          resources: [REPOSITORY],
        },
        {
          sid: "ModelArtifacts",
          effect: "Allow",
          actions: ["s3:GetObject"],
          resources: [`arn:${PARTITION}:s3:::models/model.tar.gz`],
        },
      ],
    });
    expect(onlyResource(json, "aws_iam_role_policy").attributes).toEqual({
      name: "sagemaker-inference-execution",
      role: "my-role",
      policy: `\${data.aws_iam_policy_document.${document.name}.json}`,
    });
  });

  it("leaves the model artifact statement out when the container fetches its model itself", () => {
    const json = synthScope((scope) => {
      new InferenceExecutionPolicy(scope, "execution", {
        roleName: "my-role",
        policyName: "alex-sagemaker-execution",
        imageRepositoryArns: [REPOSITORY],
      });
    });
    const statements = onlyDataSource(json, "aws_iam_policy_document").attributes.statement as {
      sid: string;
    }[];
    expect(statements.map((statement) => statement.sid)).toEqual([
      "EndpointLogs",
      "Metrics",
      "RegistryLogin",
      "ImagePull",
    ]);
    expect(onlyResource(json, "aws_iam_role_policy").attributes.name).toBe(
      "alex-sagemaker-execution",
    );
  });

  it("rejects an invalid policy name and an empty repository list, all at once", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () =>
        new InferenceExecutionPolicy(stack, "execution", {
          roleName: "my-role",
          policyName: "no spaces allowed",
          imageRepositoryArns: [],
        }),
    ).toThrowError(
      [
        "Invalid configuration for 's/execution' (2 problems):",
        '  - policyName: got "no spaces allowed"; allowed: an IAM policy name: 1-128 characters from letters, digits and + = , . @ _ -',
        "  - imageRepositoryArns: got []; allowed: at least one ECR repository ARN",
      ].join("\n"),
    );
  });
});

describe("inferenceExecutionDocument", () => {
  const ACCOUNT = "${data.aws_caller_identity.current.account_id}";
  const REGION = "${data.aws_region.current.region}";
  const json = synthScope((scope) => {
    inferenceExecutionDocument(scope, "document", {
      imageRepositoryArns: [REPOSITORY],
      endpointName: "live",
      dataCaptureArns: [`arn:${PARTITION}:s3:::models/data-capture/*`],
      vpcNetworkInterfaces: {
        subnetIds: ["subnet-0a", "subnet-0b"],
        securityGroupIds: ["sg-01"],
      },
    });
  });
  const statements = onlyDataSource(json, "aws_iam_policy_document").attributes.statement as Record<
    string,
    unknown
  >[];
  const bySid = Object.fromEntries(statements.map((statement) => [statement.sid, statement]));

  it("writes the logs of one endpoint only: its group and the group's streams", () => {
    const group = `arn:${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/Endpoints/live`;
    expect(bySid.EndpointLogs?.resources).toEqual([group, `${group}:log-stream:*`]);
  });

  it("puts captured data, and manages the network interfaces of the model's subnets for SageMaker only", () => {
    const ec2 = (resource: string) => `arn:${PARTITION}:ec2:${REGION}:${ACCOUNT}:${resource}`;
    const subnets = [ec2("subnet/subnet-0a"), ec2("subnet/subnet-0b")];
    expect(statements.slice(4)).toEqual([
      {
        sid: "DataCapture",
        effect: "Allow",
        actions: ["s3:PutObject"],
        resources: [`arn:${PARTITION}:s3:::models/data-capture/*`],
      },
      ...vpcNetworkStatements(ec2, {
        subnets,
        resources: [ec2("network-interface/*"), ...subnets, ec2("security-group/sg-01")],
      }),
    ]);
  });
});
