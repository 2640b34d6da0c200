import type { App } from "cdktf";
import { IamStack } from "./alex/iam-stack";
import { SagemakerServerlessStack } from "./alex/sagemaker-serverless-stack";
import { MlModuleStack } from "./ml-module/ml-module-stack";
import { SagemakerProvisionedStack } from "./sagemaker-provisioned/sagemaker-provisioned-stack";

/** Every stack of the project, by the name `cdktf deploy <stack>` takes. */
export interface ProjectStacks {
  readonly iam: IamStack;
  readonly sagemakerServerless: SagemakerServerlessStack;
  readonly mlModule: MlModuleStack;
  readonly sagemakerProvisioned: SagemakerProvisionedStack;
}

/** Adds the project's stacks to an app. `main.ts` and the tests share it, so they test what ships. */
export function defineStacks(app: App): ProjectStacks {
  const iam = new IamStack(app, "iam");
  const sagemakerServerless = new SagemakerServerlessStack(app, "sagemaker-serverless", {
    executionRoleArn: iam.executionRole.roleArn,
  });
  const mlModule = new MlModuleStack(app, "ml-module");
  // The recipe's switches, for its default environment (dev). Another environment with other switches is another
  // instance with its own state, e.g. new SagemakerProvisionedStack(app, "sagemaker-provisioned-prod",
  // { environment: "prod", enableSnsNotifications: true }); see the README.
  const sagemakerProvisioned = new SagemakerProvisionedStack(app, "sagemaker-provisioned");
  return { iam, sagemakerServerless, mlModule, sagemakerProvisioned };
}
