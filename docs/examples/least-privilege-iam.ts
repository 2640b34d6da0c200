/** docs/stacks/iam.md's `iam` stack with a least-privilege execution role, as `defineStacks` would create it. */
import type { App } from "cdktf";
import { IamStack } from "../../stacks/alex/iam-stack";

export function example(app: App): void {
  // docs:start
  const iam = new IamStack(app, "iam", { executionPolicy: "least-privilege" });
  // docs:end
  void iam;
}
