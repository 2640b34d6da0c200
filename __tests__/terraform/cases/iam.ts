import type { StackCases } from "../../../scripts/terraform/terraform-cases";

const ROLE_ARN = "arn:aws:iam::123456789012:role/alex-sagemaker-role";

/** The iam stack: the region is required and checked; the role's ARNs follow the region's partition. */
export const IAM_CASES: StackCases = {
  required: { aws_region: "us-east-1" },
  resources: 3,
  outputs: {
    sagemaker_role_arn: ROLE_ARN,
    sagemaker_role_name: "alex-sagemaker-role",
    // What the sagemaker-serverless stack reads from this stack's state (cdktf's cross-stack reference).
    "cross-stack-output-aws_iam_rolesagemaker_rolearn": ROLE_ARN,
  },
  cases: [
    {
      name: "aws_region that is not a region code is refused, showing the value",
      variables: { aws_region: "mars-1" },
      errors: [
        {
          check: "var.aws_region/validation[0]",
          message: 'aws_region must be an AWS region code such as us-east-1; got "mars-1".',
        },
      ],
    },
    {
      name: "aws_region null is refused with its message, showing null",
      variables: { aws_region: null },
      errors: [
        {
          check: "var.aws_region/validation[0]",
          message: "aws_region must be an AWS region code such as us-east-1; got null.",
        },
      ],
    },
    {
      name: "aws_region in upper case is refused",
      variables: { aws_region: "US-EAST-1" },
      errors: [
        {
          check: "var.aws_region/validation[0]",
          message: 'aws_region must be an AWS region code such as us-east-1; got "US-EAST-1".',
        },
      ],
    },
    {
      name: "aws_region in aws-cn: the ARNs and the trust policy's source ARN are in the aws-cn partition",
      variables: { aws_region: "cn-north-1" },
      outputs: { sagemaker_role_arn: "arn:aws-cn:iam::123456789012:role/alex-sagemaker-role" },
      attributes: {
        "aws_iam_role.sagemaker_role": {
          assume_role_policy: JSON.stringify({
            Statement: [
              {
                Action: ["sts:AssumeRole"],
                Condition: {
                  ArnLike: { "aws:SourceArn": ["arn:aws-cn:sagemaker:cn-north-1:123456789012:*"] },
                },
                Effect: "Allow",
                Principal: { Service: ["sagemaker.amazonaws.com"] },
              },
            ],
            Version: "2012-10-17",
          }),
        },
        "aws_iam_role_policy_attachment.sagemaker_full_access": {
          policy_arn: "arn:aws-cn:iam::aws:policy/AmazonSageMakerFullAccess",
          role: "alex-sagemaker-role",
        },
      },
    },
    {
      name: "aws_region in aws-us-gov: the managed policy ARN is in the aws-us-gov partition",
      variables: { aws_region: "us-gov-west-1" },
      outputs: { sagemaker_role_arn: "arn:aws-us-gov:iam::123456789012:role/alex-sagemaker-role" },
      attributes: {
        "aws_iam_role_policy_attachment.sagemaker_full_access": {
          policy_arn: "arn:aws-us-gov:iam::aws:policy/AmazonSageMakerFullAccess",
        },
      },
    },
    {
      name: "the 15 s pause waits for the policy attachment",
      attributes: { "time_sleep.wait_for_iam_propagation": { create_duration: "15s" } },
    },
  ],
};
