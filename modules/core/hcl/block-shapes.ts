/**
 * Which arguments of a stack's resources, data sources and providers are nested blocks. Terraform JSON writes
 * a block and an object-valued attribute alike; only the provider schema tells them apart, and cdktf's
 * generated classes carry it in what they render for HCL (`toHclTerraform()`: each argument as
 * `{ value, isBlock, type, storageClassType }`). Only that flag is read here: every value of the HCL comes from
 * the stack's JSON.
 */
import {
  DefaultTokenResolver,
  StringConcat,
  TerraformDataSource,
  TerraformElement,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Tokenization,
} from "cdktf";
import type { IConstruct } from "constructs";
import type { BlockShapes, Shape } from "./render";

/** The resolver cdktf synthesizes with. */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

type Fragment = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The block shapes of `stack`'s own resources, data sources and providers (not those of nested stacks). */
export function blockShapesOf(stack: TerraformStack): BlockShapes {
  const elements = new Map<string, Shape>();
  const providers = new Map<string, Shape>();
  for (const element of describedElements(stack)) {
    const fragment = Tokenization.resolve(element.toHclTerraform(), {
      scope: stack,
      preparing: false,
      resolver: RESOLVER,
    }) as Fragment;
    for (const kind of ["resource", "data"] as const) {
      for (const [type, byName] of Object.entries(fragment[kind] ?? {})) {
        for (const [name, body] of Object.entries(byName as Record<string, Shape>)) {
          elements.set(`${kind}.${type}.${name}`, body);
        }
      }
    }
    for (const [name, configurations] of Object.entries(fragment.provider ?? {})) {
      for (const body of configurations as Shape[]) {
        providers.set(`${name}.${aliasOf(body)}`, body);
      }
    }
  }
  return {
    element: (kind, type, name) => elements.get(`${kind}.${type}.${name}`),
    provider: (name, alias) => providers.get(`${name}.${alias ?? ""}`),
  };
}

/** A provider configuration's alias in its HCL description (`alias: { value: "west", ... }`), or "". */
function aliasOf(body: Shape): string {
  const alias = body?.alias;
  if (typeof alias === "string") return alias;
  if (alias !== null && typeof alias === "object" && "value" in alias) return String(alias.value);
  return "";
}

function describedElements(stack: TerraformStack): TerraformElement[] {
  const found: TerraformElement[] = [];
  const visit = (node: IConstruct): void => {
    if (
      TerraformResource.isTerraformResource(node) ||
      TerraformDataSource.isTerraformDataSource(node) ||
      TerraformProvider.isTerraformProvider(node)
    ) {
      found.push(node);
    }
    for (const child of node.node.children) {
      if (!TerraformStack.isStack(child)) visit(child);
    }
  };
  visit(stack);
  return found;
}
