/**
 * docs/your-own-stacks.md: the policy checks on stacks that are not ProjectStacks. ProjectStack applies them
 * itself, with the rest a stack of this project needs; this is for stacks that cannot extend it.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { type App, LocalBackend, TerraformStack } from "cdktf";
// docs:start
import { POLICY_PACK } from "../../modules/policy/pack";
import { PolicyChecks } from "../../modules/policy/policy-checks";
// docs:end
import type { PolicyRule } from "../../modules/policy/rule";

/** A rule of a team's own: every SNS topic is encrypted (none here, so it finds nothing). */
const myRule: PolicyRule = {
  id: "sns-topic-kms",
  severity: "warning",
  what: "SNS topics set a KMS key",
  why: "Messages at rest are encrypted with a key the team controls",
  checkov: ["CKV_AWS_26"],
  reference: "AWS SNS Developer Guide, Encryption at rest",
  appliesTo: ["aws_sns_topic"],
  check: (topic) => (topic.attributes.kms_master_key_id ? [] : ["Set kms_master_key_id."]),
};

export function example(app: App): void {
  const stack = new TerraformStack(app, "plain");
  const otherStack = new TerraformStack(app, "other-plain");
  for (const each of [stack, otherStack]) {
    new AwsProvider(each, "aws", { region: "eu-west-1" });
    // Relative, as ProjectStack writes it: cdktf's default path is absolute.
    new LocalBackend(each, { path: `../../../terraform.${each.node.id}.tfstate` });
  }
  // docs:start
  PolicyChecks.applyTo(stack); // the project's pack, modules/policy/pack.ts
  PolicyChecks.applyTo(otherStack, [...POLICY_PACK, myRule]); // or a pack of your own
  // docs:end
}
