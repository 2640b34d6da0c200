import type { Precondition, TerraformResource } from "cdktf";

/** Adds preconditions to a resource's lifecycle, keeping those it has. */
export function addPreconditions(resource: TerraformResource, preconditions: Precondition[]): void {
  if (preconditions.length === 0) return;
  const lifecycle = resource.lifecycle ?? {};
  resource.lifecycle = {
    ...lifecycle,
    precondition: [...(lifecycle.precondition ?? []), ...preconditions],
  };
}
