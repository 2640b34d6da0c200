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
      error_message: "aws_region must be an AWS region code such as us-east-1.",
    },
  ],
};
