/** The second `sagemaker-provisioned` instance of docs/stacks/sagemaker-provisioned.md, for another environment. */
import type { App } from "cdktf";
import { SagemakerProvisionedStack } from "../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";

export function example(app: App): void {
  // docs:start
  new SagemakerProvisionedStack(app, "sagemaker-provisioned-prod", {
    environment: "prod",
    enableSnsNotifications: true,
  });
  // docs:end
}
