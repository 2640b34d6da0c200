/**
 * Terraform's meta-arguments of a resource block: not arguments of the resource's provider, but how Terraform creates
 * and orders it (Terraform language, "Meta-Arguments").
 */
export const RESOURCE_META_ARGUMENTS: readonly string[] = [
  "count",
  "for_each",
  "depends_on",
  "lifecycle",
  "provider",
  "provisioner",
  "connection",
];
