/**
 * Names and addresses of stand-ins (see `stand-in.ts`): a resource `aws_kms_key.k` stands in as
 * `terraform_data.aws_kms_key__k` (type and name stay readable), a data source `data.aws_region.current` as
 * `local.data_aws_region__current`.
 */

/** The stand-in resource name of `type.name` (type and name stay readable: `aws_kms_key__sagemaker_key`). */
export function standInName(type: string, name: string): string {
  return `${type}__${name}`;
}

/**
 * The stand-in address of a resource (instance) address, whether or not the stack still has the resource (a
 * `moved` block's `from`): `aws_kms_key.k[0]` -> `terraform_data.aws_kms_key__k[0]`. Other addresses as given.
 */
export function standInAddress(address: string): string {
  const match = /^([A-Za-z][\w-]*)\.([A-Za-z_][\w-]*)(\[.*\])?$/.exec(address);
  if (!match || ["terraform_data", "data", "module"].includes(match[1]!)) return address;
  return `terraform_data.${standInName(match[1]!, match[2]!)}${match[3] ?? ""}`;
}

/** The stack's address of a stand-in address: the reverse of {@link standInAddress}. */
export function originalAddress(address: string): string {
  const match = /^terraform_data\.([A-Za-z][\w-]*?)__([\w-]+)(\[.*\])?$/.exec(address);
  return match ? `${match[1]}.${match[2]}${match[3] ?? ""}` : address;
}

/** The stand-in local of data source `data.type.name`. */
export function dataLocalName(type: string, name: string): string {
  return `data_${type}__${name}`;
}
