/**
 * What a provider's resource or data source has, read from its prebuilt cdktf binding (`@cdktf/provider-aws`
 * and friends, already installed): the provider binary that holds the real schema cannot be downloaded here.
 *
 * The binding's generated class has a getter per attribute (`get arn() { return this.getStringAttribute('arn') }`)
 * and describes each argument in `synthesizeHclAttributes()` (`isBlock`, `type`). That is enough for the stand-in
 * to give a computed attribute a value of the right kind, to write nested blocks as lists (as expressions read
 * them: `primary_container[0].image`), and to leave out an attribute the provider does not have, so that
 * Terraform reports a reference to it as the error it would be.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The kind of value an attribute holds, as far as a placeholder needs to know. */
export type AttributeKind = "string" | "number" | "bool" | "list" | "map" | "object";

/** A nested block: whether expressions read it as a list (`block[0].x`), and the blocks nested in it. */
export interface NestedBlock {
  readonly asList: boolean;
  readonly blocks: ReadonlyMap<string, NestedBlock>;
}

export interface BlockSchema {
  /** Every attribute Terraform expressions may read, with its kind. */
  readonly attributes: ReadonlyMap<string, AttributeKind>;
  /** The arguments written as nested blocks, at any depth. */
  readonly blocks: ReadonlyMap<string, NestedBlock>;
}

const GETTER_KINDS: Record<string, AttributeKind> = {
  getStringAttribute: "string",
  getNumberAttribute: "number",
  getBooleanAttribute: "bool",
  getListAttribute: "list",
  getNumberListAttribute: "list",
  getStringMapAttribute: "map",
  getNumberMapAttribute: "map",
  getBooleanMapAttribute: "map",
  getAnyMapAttribute: "map",
  interpolationForAttribute: "object",
};

const cache = new Map<string, BlockSchema | undefined>();

/**
 * The schema of resource (or data source) `type` of the provider whose source is `providerSource` (e.g.
 * `aws` or `hashicorp/time`), or undefined when no prebuilt binding for it is installed.
 */
export function blockSchema(
  providerSource: string,
  kind: "resource" | "data",
  type: string,
): BlockSchema | undefined {
  const key = `${providerSource} ${kind} ${type}`;
  if (!cache.has(key)) cache.set(key, readSchema(providerSource, kind, type));
  return cache.get(key);
}

function readSchema(
  providerSource: string,
  kind: "resource" | "data",
  type: string,
): BlockSchema | undefined {
  const providerName = providerSource.split("/").pop()!;
  const library = bindingLibrary(providerName);
  if (!library) return undefined;
  const base = type.replace(/_/g, "-");
  const candidates =
    kind === "data"
      ? [`data-${base}`]
      : [base.slice(providerName.length + 1), `${base.slice(providerName.length + 1)}-resource`];
  for (const candidate of candidates) {
    const file = join(library, candidate, "index.js");
    if (!existsSync(file)) continue;
    const code = readFileSync(file, "utf8");
    const parent = kind === "data" ? "TerraformDataSource" : "TerraformResource";
    // `cdktf.TerraformResource`, or `cdktn.TerraformResource` in CDK Terrain's bindings.
    const start = code.search(new RegExp(`class \\w+ extends \\w+\\.${parent} \\{`));
    if (start < 0 || !code.includes(`terraformResourceType: '${type}'`)) continue;
    return parseClass(code, code.slice(start));
  }
  return undefined;
}

/**
 * The scopes prebuilt provider bindings are published under: cdktf's, and CDK Terrain's, which
 * `npm run check:cdktn` installs instead (docs/cdk-terrain.md).
 */
const BINDING_SCOPES = ["@cdktf", "@cdktn"] as const;

function bindingLibrary(providerName: string): string | undefined {
  for (const scope of BINDING_SCOPES) {
    try {
      return join(
        dirname(require.resolve(`${scope}/provider-${providerName}/package.json`)),
        "lib",
      );
    } catch {
      // Not installed under this scope: try the next.
    }
  }
  return undefined;
}

function parseClass(file: string, code: string): BlockSchema {
  const attributes = new Map<string, AttributeKind>();
  for (const match of code.matchAll(/return this\.(\w+)\('([a-z0-9_]+)'\);/g)) {
    const attributeKind = GETTER_KINDS[match[1]!];
    if (attributeKind) attributes.set(match[2]!, attributeKind);
  }
  // Blocks and complex attributes: `this._x = new SomethingList(this, "x", false)` or `...OutputReference(this, "x")`.
  for (const match of code.matchAll(
    /= new \w+?(List|Map|OutputReference)\(this, "([a-z0-9_]+)"/g,
  )) {
    attributes.set(match[2]!, match[1] === "List" ? "list" : match[1] === "Map" ? "map" : "object");
  }
  const synthesize = code.slice(code.indexOf("synthesizeHclAttributes() {"));
  return { attributes, blocks: nestedBlocks(synthesize, converters(file), new Set()) };
}

/** The body of each `function <name>ToHclTerraform(struct)` of the file (the HCL description of a block). */
function converters(file: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of file.matchAll(
    /^function (\w+)ToHclTerraform\(struct\) \{\n([\s\S]*?)^\}/gm,
  )) {
    found.set(match[1]!, match[2]!);
  }
  return found;
}

/**
 * The blocks an HCL description lists: `name: { value: <converter>(...), isBlock: true, type: "list" }`, each
 * with the blocks of its own converter.
 */
function nestedBlocks(
  description: string,
  all: ReadonlyMap<string, string>,
  seen: ReadonlySet<string>,
): Map<string, NestedBlock> {
  const blocks = new Map<string, NestedBlock>();
  const entries = /([a-z0-9_]+): \{\s*value: ([^\n]*)\n\s*isBlock: true,\s*type: "(\w+)"/g;
  for (const match of description.matchAll(entries)) {
    const converter = /(\w+)ToHclTerraform/.exec(match[2]!)?.[1];
    const body = converter && !seen.has(converter) ? all.get(converter) : undefined;
    blocks.set(match[1]!, {
      asList: match[3] === "list" || match[3] === "set",
      blocks: body ? nestedBlocks(body, all, new Set([...seen, converter!])) : new Map(),
    });
  }
  return blocks;
}
