/**
 * Names and addresses of stand-ins (see `stand-in.ts`): a resource `aws_kms_key.k` stands in as
 * `terraform_data.aws_kms_key__k` (type and name stay readable), a data source `data.aws_region.current` as
 * `local.data_aws_region__current`. Addresses inside module calls keep their module path:
 * `module.old.aws_kms_key.k["a"]` stands in as `module.old.terraform_data.aws_kms_key__k["a"]` (the `from` of a
 * `moved` block out of a module, and the state of a plan that moves it).
 */

/** The module path of an address, with its trailing dot: `module.a.`, `module.a["k"].module.b[0].`, or nothing. */
const MODULE_PATH = String.raw`((?:module\.[A-Za-z_][\w-]*(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.)*)`;
const RESOURCE_INSTANCE = new RegExp(
  String.raw`^${MODULE_PATH}([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)(\[.*\])?$`,
);
const STAND_IN_INSTANCE = new RegExp(
  String.raw`^${MODULE_PATH}terraform_data\.([A-Za-z][\w-]*?)__([\w-]+)(\[.*\])?$`,
);

/** The stand-in resource name of `type.name` (type and name stay readable: `aws_kms_key__sagemaker_key`). */
export function standInName(type: string, name: string): string {
  return `${type}__${name}`;
}

/**
 * The stand-in address of a resource (instance) address, whether or not the stack still has the resource (a
 * `moved` block's `from`), in the root module or in a module call: `aws_kms_key.k[0]` ->
 * `terraform_data.aws_kms_key__k[0]`. Other addresses as given.
 */
export function standInAddress(address: string): string {
  const match = RESOURCE_INSTANCE.exec(address);
  if (!match || ["terraform_data", "data", "module"].includes(match[2]!)) return address;
  return `${match[1]}terraform_data.${standInName(match[2]!, match[3]!)}${match[4] ?? ""}`;
}

/** The stack's address of a stand-in address: the reverse of {@link standInAddress}. */
export function originalAddress(address: string): string {
  const match = STAND_IN_INSTANCE.exec(address);
  return match ? `${match[1]}${match[2]}.${match[3]}${match[4] ?? ""}` : address;
}

/** A resource instance address in its parts, as a state file holds them. */
export interface InstanceAddress {
  /** The module instance, e.g. `module.old` or `module.a["k"].module.b`; undefined in the root module. */
  readonly module: string | undefined;
  readonly type: string;
  readonly name: string;
  /** The `count` index or `for_each` key; undefined for a resource without either. */
  readonly key: string | number | undefined;
}

/** The parts of a resource instance address, e.g. `module.old.terraform_data.x["a"]`; undefined if it is none. */
export function instanceAddress(address: string): InstanceAddress | undefined {
  const match = RESOURCE_INSTANCE.exec(address);
  if (!match || ["data", "module"].includes(match[2]!)) return undefined;
  const index = match[4];
  return {
    module: match[1] ? match[1].slice(0, -1) : undefined,
    type: match[2]!,
    name: match[3]!,
    key: index === undefined ? undefined : (JSON.parse(index.slice(1, -1)) as string | number),
  };
}

/** The stand-in local of data source `data.type.name`. */
export function dataLocalName(type: string, name: string): string {
  return `data_${type}__${name}`;
}
