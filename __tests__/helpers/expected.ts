/**
 * Synthesized blocks that several stacks share, written out once.
 */

/** The required `aws_region` variable of the stacks that take their region from it. */
export const AWS_REGION_VARIABLE = {
  type: "string",
  description: "AWS region for resources",
  validation: [
    {
      condition: '${can(regex("^[a-z]{2,4}(-[a-z]+)+-[0-9]+$", var.aws_region))}',
      error_message:
        "aws_region must be an AWS region code such as us-east-1; got ${jsonencode(var.aws_region)}.",
    },
  ],
};

/** The recipe's ECR lifecycle policy: keep the last 10 `v*` tagged images, expire untagged ones after a day. */
export const RECIPE_ECR_LIFECYCLE_POLICY = {
  rules: [
    {
      rulePriority: 1,
      description: "Keep last 10 images",
      selection: {
        tagStatus: "tagged",
        tagPrefixList: ["v"],
        countType: "imageCountMoreThan",
        countNumber: 10,
      },
      action: { type: "expire" },
    },
    {
      rulePriority: 2,
      description: "Delete untagged images older than 1 day",
      selection: {
        tagStatus: "untagged",
        countType: "sinceImagePushed",
        countUnit: "days",
        countNumber: 1,
      },
      action: { type: "expire" },
    },
  ],
};

/**
 * The execution role's statements for a model in a VPC; `ec2(resource)` builds the EC2 ARN of `resource` in the
 * test's partition, region and account.
 */
export function vpcNetworkStatements(ec2: (resource: string) => string): Record<string, unknown>[] {
  return [
    {
      sid: "NetworkInterfaces",
      effect: "Allow",
      actions: [
        "ec2:CreateNetworkInterface",
        "ec2:CreateNetworkInterfacePermission",
        "ec2:DeleteNetworkInterface",
        "ec2:DeleteNetworkInterfacePermission",
      ],
      resources: [ec2("network-interface/*"), ec2("subnet/*"), ec2("security-group/*")],
    },
    {
      sid: "NetworkDescribe",
      effect: "Allow",
      actions: [
        "ec2:DescribeDhcpOptions",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
      ],
      resources: ["*"],
    },
  ];
}
