/**
 * Synthesized Terraform JSON as plain objects, for exact assertions:
 *
 * ```ts
 * const json = synthStack(stack);
 * expect(resource(json, "aws_sagemaker_model", "embedding_model")).toEqual({ name: "...", ... });
 * ```
 *
 * `Testing.synth` already removes cdktf's "//" metadata and sorts keys.
 */
import { Testing, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { reportedAnnotations } from "../../modules/policy/reported-annotations";

export type Attributes = Record<string, unknown>;
type Blocks = Record<string, Record<string, Attributes>>;

/** The top-level blocks of a synthesized stack. */
export interface SynthesizedStack {
  readonly resource?: Blocks;
  readonly data?: Blocks;
  readonly output?: Record<string, Attributes>;
  readonly variable?: Record<string, Attributes>;
  readonly locals?: Record<string, unknown>;
  readonly provider?: Record<string, Attributes[]>;
  readonly terraform?: Attributes;
}

/**
 * The stack's Terraform JSON (aspects run, validations too when `runValidations` is set). Fails, like
 * `app.synth()` does and `Testing.synth` does not, when a construct has an error annotation, e.g. a policy
 * finding nobody acknowledged.
 */
export function synthStack(stack: TerraformStack, runValidations = false): SynthesizedStack {
  const json = Testing.synth(stack, runValidations);
  const errors = reportedAnnotations(stack).filter((annotation) => annotation.level === "error");
  if (errors.length > 0) {
    const list = errors.map(({ path, message }) => `[${path}] ${message}`).join("\n");
    throw new Error(`Stack '${stack.node.id}' has error annotations:\n${list}`);
  }
  return JSON.parse(json) as SynthesizedStack;
}

/** The Terraform JSON of whatever `build` adds to a fresh test stack. */
export function synthScope(build: (scope: Construct) => void): SynthesizedStack {
  return JSON.parse(Testing.synthScope(build)) as SynthesizedStack;
}

function pick(blocks: Blocks | undefined, kind: string, type: string, name: string): Attributes {
  const ofType = blocks?.[type];
  const found = ofType?.[name];
  if (found === undefined) {
    const names = ofType ? Object.keys(ofType).join(", ") : "none";
    throw new Error(`No ${kind} ${type}.${name} in the synthesized JSON (${type}: ${names})`);
  }
  return found;
}

/** The attributes of resource `type.name`; throws, listing what exists, when it is missing. */
export function resource(json: SynthesizedStack, type: string, name: string): Attributes {
  return pick(json.resource, "resource", type, name);
}

/** The attributes of data source `data.type.name`. */
export function dataSource(json: SynthesizedStack, type: string, name: string): Attributes {
  return pick(json.data, "data source", type, name);
}

/** Every resource of `type`, by name (empty when there is none). */
export function resourcesOf(json: SynthesizedStack, type: string): Record<string, Attributes> {
  return json.resource?.[type] ?? {};
}

/** Every address in the stack, e.g. `aws_iam_role.sagemaker_role` and `data.aws_partition.current`. */
export function addresses(json: SynthesizedStack): string[] {
  const of = (blocks: Blocks | undefined, prefix: string) =>
    Object.entries(blocks ?? {}).flatMap(([type, byName]) =>
      Object.keys(byName).map((name) => `${prefix}${type}.${name}`),
    );
  return [...of(json.resource, ""), ...of(json.data, "data.")].sort();
}

/** The one resource of `type`; fails unless there is exactly one. */
export function onlyResource(
  json: SynthesizedStack,
  type: string,
): { name: string; attributes: Attributes } {
  return only(json.resource, "resource", type);
}

/** The one data source of `type`; fails unless there is exactly one. */
export function onlyDataSource(
  json: SynthesizedStack,
  type: string,
): { name: string; attributes: Attributes } {
  return only(json.data, "data source", type);
}

function only(
  blocks: Blocks | undefined,
  kind: string,
  type: string,
): { name: string; attributes: Attributes } {
  const entries = Object.entries(blocks?.[type] ?? {});
  if (entries.length !== 1) {
    throw new Error(`Expected exactly one ${kind} of type ${type}, found ${entries.length}`);
  }
  const [name, attributes] = entries[0]!;
  return { name, attributes };
}

let probes = 0;

/**
 * What Terraform will see for a value that may contain tokens, e.g. `"${aws_iam_role.x.arn}"`. Resolved
 * through a temporary output, with cdktf's public API only.
 */
export function resolved(scope: Construct, value: unknown): unknown {
  const stack = TerraformStack.of(scope);
  const id = `resolve-probe-${probes++}`;
  new TerraformOutput(stack, id, { value });
  try {
    return synthStack(stack).output?.[id]?.value;
  } finally {
    stack.node.tryRemoveChild(id);
  }
}
