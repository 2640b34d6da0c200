import type { Precondition } from "cdktf";
import { derivedNamePrecondition } from "../core/derived-names";
import { IAM_ROLE_NAME } from "../core/limits/iam";
import { SAGEMAKER_NAME } from "../core/limits/sagemaker";
import { isUnresolved, type Limit, type Problems } from "../core/validation";

/** The names of the module's resources: `<projectName>-<environment>-<what>`, as in the original. */
export interface MlModuleNames {
  /** `<projectName>-<environment>`, the start of every name. */
  readonly prefix: string;
  readonly executionRole: string;
  readonly executionPolicy: string;
  readonly model: string;
  readonly endpointConfig: string;
  readonly endpoint: string;
  readonly lambdaInvokeRole: string;
  readonly lambdaInvokePolicy: string;
}

type NamedResource = Exclude<keyof MlModuleNames, "prefix">;

const SUFFIXES: Readonly<Record<NamedResource, string>> = {
  executionRole: "sagemaker-execution-role",
  executionPolicy: "sagemaker-execution-policy",
  model: "optimal-call-time-model",
  endpointConfig: "serverless-endpoint-config",
  endpoint: "optimal-call-time-endpoint",
  lambdaInvokeRole: "lambda-sagemaker-invoke-role",
  lambdaInvokePolicy: "lambda-sagemaker-invoke-policy",
};

export function mlModuleNames(projectName: string, environment: string): MlModuleNames {
  const prefix = `${projectName}-${environment}`;
  const name = (resource: NamedResource) => `${prefix}-${SUFFIXES[resource]}`;
  return {
    prefix,
    executionRole: name("executionRole"),
    executionPolicy: name("executionPolicy"),
    model: name("model"),
    endpointConfig: name("endpointConfig"),
    endpoint: name("endpoint"),
    lambdaInvokeRole: name("lambdaInvokeRole"),
    lambdaInvokePolicy: name("lambdaInvokePolicy"),
  };
}

/**
 * The names AWS limits, with the limit. The two inline policy names are left out: they are their role's name
 * plus two characters, from the same characters, and IAM allows 128 for a policy name, so they are valid
 * whenever the role names are.
 */
const LIMITED_NAMES: Readonly<Partial<Record<NamedResource, Limit<string>>>> = {
  executionRole: IAM_ROLE_NAME,
  model: SAGEMAKER_NAME,
  endpointConfig: SAGEMAKER_NAME,
  endpoint: SAGEMAKER_NAME,
  lambdaInvokeRole: IAM_ROLE_NAME,
};

/** How a derived name is shown in errors, e.g. `modelName (<projectName>-<environment>-optimal-call-time-model)`. */
function label(resource: NamedResource): string {
  return `${resource}Name (<projectName>-<environment>-${SUFFIXES[resource]})`;
}

/**
 * Adds a problem for every derived name known at synth time that AWS would refuse, showing the name and its
 * length.
 */
export function checkNames(problems: Problems, names: MlModuleNames): void {
  for (const [resource, limit] of Object.entries(LIMITED_NAMES) as [
    NamedResource,
    Limit<string>,
  ][]) {
    const name = names[resource];
    if (isUnresolved(name) || limit.rule(name) === undefined) continue;
    problems.add(label(resource), name, `${limit.description} (this one has ${name.length})`);
  }
}

/**
 * The same check for a name known only at apply time, as a precondition of the resource that carries the name:
 * Terraform 1.5 cannot validate a combination of variables, and the provider's own checks are weaker (it lets
 * a trailing hyphen through) and do not say where the name came from.
 */
export function namePrecondition(
  projectName: string,
  environment: string,
  resource: NamedResource,
): Precondition[] {
  const name = mlModuleNames(projectName, environment)[resource];
  const limit = LIMITED_NAMES[resource];
  if (limit === undefined || !isUnresolved(name)) return [];
  return [
    derivedNamePrecondition(
      label(resource),
      [projectName, environment, SUFFIXES[resource]],
      limit,
      "Shorten the project name or the environment.",
    ),
  ];
}
