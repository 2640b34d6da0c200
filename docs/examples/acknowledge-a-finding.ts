/** docs/policy-checks.md's acknowledgement: a finding accepted on purpose, with its reason. */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { App } from "cdktf";
// docs:start
import { acknowledge } from "../../modules/policy/acknowledgements";
// docs:end
import { ProjectStack } from "../../stacks/project-stack";

export function example(app: App): void {
  const stack = new ProjectStack(app, "scratch");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const logs = new CloudwatchLogGroup(stack, "debug-logs", {
    name: "/scratch/debug",
    retentionInDays: 365,
  });
  // docs:start
  acknowledge(
    logs,
    "cloudwatch-log-group-kms",
    "Debug logs of a scratch environment that hold no customer data; CloudWatch Logs' own key is enough.",
  );
  // docs:end
}
