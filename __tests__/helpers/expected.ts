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

/**
 * The execution role's statements for a model in a VPC: `ec2(resource)` builds the EC2 ARN of `resource` in the
 * test's partition, region and account; `subnets` and `securityGroups` are the ARNs of the model's subnets and
 * security groups (a Terraform list expression when they come from a variable), `resources` what the create
 * statement names (the interfaces, the subnets and the security groups).
 */
export function vpcNetworkStatements(
  ec2: (resource: string) => string,
  network: { subnets: unknown; resources: unknown },
): Record<string, unknown>[] {
  const inModelSubnets = { test: "ArnEquals", variable: "ec2:Subnet", values: network.subnets };
  return [
    {
      sid: "NetworkInterfaceCreate",
      effect: "Allow",
      actions: ["ec2:CreateNetworkInterface"],
      resources: network.resources,
    },
    {
      sid: "NetworkInterfacePermission",
      effect: "Allow",
      actions: ["ec2:CreateNetworkInterfacePermission"],
      resources: [ec2("network-interface/*")],
      condition: [
        inModelSubnets,
        {
          test: "StringEquals",
          variable: "ec2:AuthorizedService",
          values: ["sagemaker.amazonaws.com"],
        },
        { test: "StringEquals", variable: "ec2:Permission", values: ["INSTANCE-ATTACH"] },
      ],
    },
    {
      sid: "NetworkInterfaceDelete",
      effect: "Allow",
      actions: ["ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"],
      resources: [ec2("network-interface/*")],
      condition: [inModelSubnets],
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
