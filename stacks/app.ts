import type { App } from "cdktf";
import { IamStack } from "./alex/iam-stack";
import { SagemakerServerlessStack } from "./alex/sagemaker-serverless-stack";
import { MlModuleStack } from "./ml-module/ml-module-stack";

/** Every stack of the project, by the name `cdktf deploy <stack>` takes. */
export interface ProjectStacks {
  readonly iam: IamStack;
  readonly sagemakerServerless: SagemakerServerlessStack;
  readonly mlModule: MlModuleStack;
}

/** Adds the project's stacks to an app. `main.ts` and the tests share it, so they test what ships. */
export function defineStacks(app: App): ProjectStacks {
  const iam = new IamStack(app, "iam");
  const sagemakerServerless = new SagemakerServerlessStack(app, "sagemaker-serverless", {
    executionRoleArn: iam.executionRole.roleArn,
  });
  const mlModule = new MlModuleStack(app, "ml-module");
  return { iam, sagemakerServerless, mlModule };
}
