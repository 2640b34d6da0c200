/**
 * Readable Terraform names for the elements of a `ProjectStack`, in place of cdktf's path-and-hash names
 * (`inference_model_churn-model_72D9748D`). The rule, in order:
 *
 * 1. A name the stack keeps with `keepAddresses`, or one given with `overrideLogicalId`, as given.
 * 2. An element directly in the stack: its id, as cdktf names it.
 * 3. An element whose construct names it after the keys that identify it (`nameAfter`, e.g. `SagemakerInference`):
 *    those keys, joined by `_` (`aws_sagemaker_model.churn_model`).
 * 4. Any other element: the construct ids on its path below the stack, joined by `_`
 *    (`execution-role/role` -> `aws_iam_role.execution_role_role`).
 *
 * In 3 and 4 every character other than a letter, digit or `_` is written as `_`, and a name that would start
 * with a digit gets a `_` in front. Two elements of the same kind with the same name fail the synth, naming both
 * construct paths; there is no hash to tell them apart.
 */
import {
  TerraformDataSource,
  TerraformElement,
  TerraformLocal,
  TerraformOutput,
  TerraformVariable,
} from "cdktf";
import type { IConstruct, Node } from "constructs";
import { ValidationError } from "./validation";

const keysByElement = new WeakMap<IConstruct, readonly string[]>();

/**
 * Names `element` after the keys that identify it in its construct's props (rule 3), e.g.
 * `nameAfter(policy, endpointKey, variantKey, policyKey)`. Only stacks that use these names (`ProjectStack`)
 * read it; elsewhere cdktf names the element.
 */
export function nameAfter<T extends IConstruct>(element: T, ...keys: string[]): T {
  keysByElement.set(element, keys);
  return element;
}

/** `churn-model` -> `churn_model`: letters, digits and `_` only, not starting with a digit. */
export function terraformName(parts: readonly string[]): string {
  const name = parts.join("_").replace(/[^A-Za-z0-9_]/g, "_");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/**
 * The readable name of a node nested below `stack` (rules 3 and 4); `scopes` are the node's scopes below the
 * stack, itself last.
 */
export function readableName(node: Node, scopes: readonly IConstruct[]): string {
  const keys = keysByElement.get(node.scopes[node.scopes.length - 1]!);
  return terraformName(keys ?? scopes.map((scope) => scope.node.id));
}

/** The names a stack gave, by kind of element, to report two elements with the same address. */
export class TakenNames {
  private readonly paths = new Map<string, string>();

  public constructor(private readonly stackId: string) {}

  /** Takes `name` for the element at `node`; a ValidationError when an element of the same kind has it. */
  public take(element: TerraformElement | Node, node: Node, name: string): string {
    const address = `${kindOf(element)}.${name}`;
    const other = this.paths.get(address);
    if (other !== undefined && other !== node.path) {
      throw new ValidationError(node.path, [
        {
          field: "Terraform address",
          value: address,
          allowed:
            `an address no other element of stack '${this.stackId}' has (${other} has it too): ` +
            "give one of them other keys or another construct id, or an address of its own with keepAddresses",
        },
      ]);
    }
    this.paths.set(address, node.path);
    return name;
  }
}

/** What a name must be unique among: the resource or data source type, or the kind of element. */
function kindOf(element: TerraformElement | Node): string {
  if (!TerraformElement.isTerraformElement(element)) return "construct";
  if (element instanceof TerraformOutput) return "output";
  if (element instanceof TerraformVariable) return "var";
  if (element instanceof TerraformLocal) return "local";
  const type = (element as { terraformResourceType?: unknown }).terraformResourceType;
  if (typeof type !== "string") return element.constructor.name;
  return TerraformDataSource.isTerraformDataSource(element) ? `data.${type}` : type;
}
