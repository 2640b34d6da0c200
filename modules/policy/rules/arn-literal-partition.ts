import type { PolicyRule } from "../rule";
import { stringLeaves } from "../values";

/** An ARN whose partition is written out: `arn:aws:`, `arn:aws-cn:`, `arn:aws-us-gov:`, ... */
const LITERAL_PARTITION_ARN = /arn:aws(?:-[a-z]+)*:[^\s"',\]}]*/g;

export const arnLiteralPartition: PolicyRule = {
  id: "arn-literal-partition",
  severity: "error",
  what: "No argument holds an ARN with a literal partition (`arn:aws:`, `arn:aws-cn:`, ...)",
  why: "A written-out partition breaks the stack in the other partitions (China, GovCloud); build ARNs from `data.aws_partition` (`AwsContext`)",
  checkov: [],
  reference:
    "AWS General Reference, Amazon Resource Names (ARNs): the partition part; Terraform `aws_partition` data source",
  appliesTo: "all",
  check(element) {
    const findings: string[] = [];
    for (const { path, value } of stringLeaves(element.attributes, "")) {
      const arns = value.match(LITERAL_PARTITION_ARN);
      // A precondition's message is prose for people, where an example ARN does no harm.
      if (!arns || path.endsWith(".error_message")) continue;
      findings.push(
        `${path} holds ${arns.map((arn) => JSON.stringify(arn)).join(", ")} with a literal partition; ` +
          "build the ARN from data.aws_partition (AwsContext.arn() or managedPolicyArn()).",
      );
    }
    return findings;
  },
};
