/** docs/first-deployment.md: sagemaker-provisioned serving your own container, the recipe's route. */
import type { App } from "cdktf";
import { SagemakerProvisionedStack } from "../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";

export function example(app: App): void {
  // docs:start
  new SagemakerProvisionedStack(app, "sagemaker-provisioned", { modelArtifact: { source: "s3" } });
  // docs:end
}
