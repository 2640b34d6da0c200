/**
 * Terraform JSON written as HCL native syntax, block by block, so that `cdktf synth --hcl` writes what
 * `cdktf synth` writes: every value comes from the stack's JSON, and only the question "is this argument a
 * nested block or an attribute?", which JSON cannot answer, is read from the provider schemas (`BlockShapes`).
 *
 * Meta-arguments and the language's own blocks follow the Terraform language: `depends_on`, `provider`,
 * `moved`, `import` and `lifecycle.replace_triggered_by` / `ignore_changes` take references, not strings;
 * `precondition`, `postcondition` and `validation` are blocks; a variable's `type` is a type expression and its
 * `default` and `description` are taken literally.
 */
import { literalString, objectKey, reference, templateExpression } from "./template";

/** Which arguments of a body are nested blocks, as cdktf describes them (see `block-shapes.ts`). */
export interface BlockShapes {
  /** The description of a resource's or data source's body (`resource` or `data`). */
  element(kind: "resource" | "data", type: string, name: string): Shape;
  /** The description of a provider configuration's body, by provider name and alias. */
  provider(name: string, alias: string | undefined): Shape;
}

/** cdktf's description of a body: argument name -> `{ value, isBlock, type, ... }`; undefined when unknown. */
export type Shape = Readonly<Record<string, unknown>> | undefined;

type Json = Readonly<Record<string, unknown>>;

/** How a string is written: as a template (most arguments), literally, or as a reference / expression. */
type Strings = (text: string) => string;

const INDENT = "  ";

/** The order of the top-level blocks in the file. */
const TOP_LEVEL = [
  "terraform",
  "provider",
  "variable",
  "locals",
  "data",
  "resource",
  "module",
  "moved",
  "import",
  "removed",
  "output",
] as const;

/** The HCL of a stack's Terraform JSON (the object `cdk.tf.json` holds). */
export function renderHcl(config: Json, shapes: BlockShapes): string {
  const unknown = Object.keys(config).filter(
    (key) => key !== "//" && !(TOP_LEVEL as readonly string[]).includes(key),
  );
  if (unknown.length > 0) {
    throw new Error(`Cannot write Terraform '${unknown.join("', '")}' blocks as HCL`);
  }
  const blocks: string[] = [];
  for (const kind of TOP_LEVEL) {
    const value = config[kind];
    if (value !== undefined) blocks.push(...topLevel(kind, value, shapes));
  }
  return `${blocks.join("\n\n")}\n`;
}

function topLevel(kind: (typeof TOP_LEVEL)[number], value: unknown, shapes: BlockShapes): string[] {
  switch (kind) {
    case "terraform":
      return [block("terraform", [], terraformBody(asObject(value)), "")];
    case "provider":
      return Object.entries(asObject(value)).flatMap(([name, configurations]) =>
        asList(configurations).map((configuration) => {
          const body = asObject(configuration);
          const alias = typeof body.alias === "string" ? body.alias : undefined;
          return block("provider", [name], elementBody(body, shapes.provider(name, alias), ""), "");
        }),
      );
    case "variable":
      return labelled(value, (body) => block("variable", body.labels, variableBody(body.json), ""));
    case "locals":
      return [block("locals", [], attributes(asObject(value), templateExpression, INDENT), "")];
    case "data":
    case "resource":
      return Object.entries(asObject(value)).flatMap(([type, byName]) =>
        Object.entries(asObject(byName)).map(([name, body]) =>
          block(
            kind,
            [type, name],
            elementBody(asObject(body), shapes.element(kind, type, name), ""),
            "",
          ),
        ),
      );
    case "module":
      return labelled(value, (body) => block("module", body.labels, moduleBody(body.json), ""));
    case "output":
      return labelled(value, (body) => block("output", body.labels, outputBody(body.json), ""));
    case "moved":
    case "removed":
    case "import":
      return asList(value).map((body) => block(kind, [], languageBlockBody(asObject(body)), ""));
  }
}

function labelled(
  value: unknown,
  render: (body: { labels: string[]; json: Json }) => string,
): string[] {
  return Object.entries(asObject(value)).map(([name, json]) =>
    render({ labels: [name], json: asObject(json) }),
  );
}

/** `kind "label" ... {`, the body, `}`. */
function block(kind: string, labels: readonly string[], body: string[], indent: string): string {
  const head = [kind, ...labels.map((label) => literalString(label))].join(" ");
  if (body.length === 0) return `${indent}${head} {}`;
  return [`${indent}${head} {`, ...body, `${indent}}`].join("\n");
}

/** `name = value` for each entry, one line each (values may span lines). */
function attributes(body: Json, strings: Strings, indent: string): string[] {
  return Object.entries(body)
    .filter(([name, value]) => name !== "//" && value !== undefined)
    .map(([name, value]) => attribute(name, value, strings, indent));
}

function attribute(name: string, value: unknown, strings: Strings, indent: string): string {
  return `${indent}${name} = ${expression(value, strings, indent)}`;
}

/** A JSON value as an HCL expression; `indent` is the indentation of the line it starts on. */
function expression(value: unknown, strings: Strings, indent: string): string {
  if (typeof value === "string") return strings(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => expression(item, strings, indent + INDENT));
    const inline = `[${items.join(", ")}]`;
    if (!inline.includes("\n") && inline.length <= 80) return inline;
    return ["[", ...items.map((item) => `${indent}${INDENT}${item},`), `${indent}]`].join("\n");
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Json).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    return [
      "{",
      ...entries.map(
        ([key, item]) =>
          `${indent}${INDENT}${objectKey(key)} = ${expression(item, strings, indent + INDENT)}`,
      ),
      `${indent}}`,
    ].join("\n");
  }
  throw new Error(`Cannot write ${String(value)} as HCL`);
}

// ---------------------------------------------------------------------------------------------------------
// Bodies

/** Meta-arguments written before the other arguments of a resource, data source or module. */
const LEADING_META = ["count", "for_each", "provider"] as const;

/** A resource's, data source's or provider's body: arguments, nested blocks, then the meta-arguments. */
function elementBody(body: Json, shape: Shape, indent: string): string[] {
  const inner = indent + INDENT;
  const lines: string[] = [];
  for (const name of LEADING_META) {
    const value = body[name];
    if (value === undefined) continue;
    lines.push(
      name === "provider"
        ? `${inner}provider = ${reference(String(value))}`
        : attribute(name, value, templateExpression, inner),
    );
  }
  const nested: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || name === "//" || isMetaArgument(name)) continue;
    if (name === "dynamic") {
      nested.push(...dynamicBlocks(asObject(value), shape, inner));
      continue;
    }
    const blockShapes = nestedBlockShapes(shape, name, value);
    if (blockShapes === undefined) {
      lines.push(attribute(name, value, templateExpression, inner));
    } else {
      asList(value).forEach((item, index) => {
        nested.push(block(name, [], elementBody(asObject(item), blockShapes(index), inner), inner));
      });
    }
  }
  lines.push(...nested, ...trailingMeta(body, inner));
  return lines;
}

function isMetaArgument(name: string): boolean {
  return (
    (LEADING_META as readonly string[]).includes(name) ||
    ["depends_on", "lifecycle", "provisioner", "connection"].includes(name)
  );
}

/** `depends_on`, `lifecycle`, `connection` and provisioners, in the order the Terraform style guide puts them. */
function trailingMeta(body: Json, indent: string): string[] {
  const lines: string[] = [];
  if (body.connection !== undefined) {
    lines.push(
      block(
        "connection",
        [],
        attributes(asObject(body.connection), templateExpression, indent + INDENT),
        indent,
      ),
    );
  }
  for (const provisioner of asList(body.provisioner ?? [])) {
    for (const [type, settings] of Object.entries(asObject(provisioner))) {
      lines.push(
        block("provisioner", [type], provisionerBody(asObject(settings), indent + INDENT), indent),
      );
    }
  }
  if (body.depends_on !== undefined) lines.push(references("depends_on", body.depends_on, indent));
  if (body.lifecycle !== undefined) {
    lines.push(
      block("lifecycle", [], lifecycleBody(asObject(body.lifecycle), indent + INDENT), indent),
    );
  }
  return lines;
}

/** `name = [a.b, c.d]`: a list of references. */
function references(name: string, value: unknown, indent: string): string {
  return attribute(name, asList(value).map(String), reference, indent);
}

function lifecycleBody(lifecycle: Json, indent: string): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(lifecycle)) {
    if (value === undefined) continue;
    if (name === "precondition" || name === "postcondition") {
      for (const check of asList(value)) lines.push(conditionBlock(name, asObject(check), indent));
    } else if (name === "ignore_changes" && typeof value === "string") {
      lines.push(`${indent}ignore_changes = ${reference(value)}`); // "all"
    } else if (name === "ignore_changes" || name === "replace_triggered_by") {
      lines.push(references(name, value, indent));
    } else {
      lines.push(attribute(name, value, templateExpression, indent));
    }
  }
  return lines;
}

/** A `precondition`, `postcondition` or `validation` block: a condition and its error message. */
function conditionBlock(kind: string, check: Json, indent: string): string {
  const { condition, error_message: message, ...rest } = check;
  const ordered = { condition, error_message: message, ...rest };
  return block(kind, [], attributes(ordered, templateExpression, indent + INDENT), indent);
}

function provisionerBody(settings: Json, indent: string): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    if (name === "connection") {
      lines.push(
        block(
          "connection",
          [],
          attributes(asObject(value), templateExpression, indent + INDENT),
          indent,
        ),
      );
    } else if (name === "when" || name === "on_failure") {
      lines.push(`${indent}${name} = ${reference(String(value))}`); // destroy, continue, fail
    } else {
      lines.push(attribute(name, value, templateExpression, indent));
    }
  }
  return lines;
}

/**
 * `dynamic "name" { for_each, iterator, content { ... } }`. The content's own nested blocks are known from the
 * shape of the block the dynamic block generates, where cdktf describes it.
 */
function dynamicBlocks(dynamic: Json, shape: Shape, indent: string): string[] {
  return Object.entries(dynamic).map(([name, settings]) => {
    const { content, ...rest } = asObject(settings);
    const contentShape = nestedBlockShapes(shape, name, [content])?.(0);
    const lines = Object.entries(rest)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) =>
        key === "iterator"
          ? `${indent}${INDENT}iterator = ${reference(String(value))}`
          : attribute(key, value, templateExpression, indent + INDENT),
      );
    lines.push(
      block(
        "content",
        [],
        elementBody(asObject(content ?? {}), contentShape, indent + INDENT),
        indent + INDENT,
      ),
    );
    return block("dynamic", [name], lines, indent);
  });
}

function variableBody(variable: Json): string[] {
  return Object.entries(variable)
    .filter(([name, value]) => name !== "//" && value !== undefined)
    .map(([name, value]) => {
      if (name === "type") return `${INDENT}type = ${String(value)}`;
      if (name === "validation") {
        return asList(value)
          .map((check) => conditionBlock("validation", asObject(check), INDENT))
          .join("\n");
      }
      // Taken literally: a default is a value, not a template, and a description is plain text.
      if (name === "default" || name === "description") {
        return attribute(name, value, literalString, INDENT);
      }
      return attribute(name, value, templateExpression, INDENT);
    });
}

function outputBody(output: Json): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(output)) {
    if (value === undefined || name === "depends_on" || name === "//") continue;
    if (name === "precondition") {
      for (const check of asList(value)) lines.push(conditionBlock(name, asObject(check), INDENT));
    } else {
      lines.push(
        attribute(name, value, name === "description" ? literalString : templateExpression, INDENT),
      );
    }
  }
  if (output.depends_on !== undefined)
    lines.push(references("depends_on", output.depends_on, INDENT));
  return lines;
}

function moduleBody(module: Json): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(module)) {
    if (value === undefined || name === "//" || name === "depends_on") continue;
    if (name === "providers") {
      // `providers = { aws = aws.west }`: each value is a provider reference.
      lines.push(attribute(name, value, reference, INDENT));
    } else if (name === "provider") {
      lines.push(`${INDENT}provider = ${reference(String(value))}`);
    } else if (name === "source" || name === "version") {
      lines.push(attribute(name, value, literalString, INDENT)); // read before any evaluation
    } else {
      lines.push(attribute(name, value, templateExpression, INDENT));
    }
  }
  if (module.depends_on !== undefined)
    lines.push(references("depends_on", module.depends_on, INDENT));
  return lines;
}

/** `moved`, `import` and `removed`: addresses and providers are references; an import's `id` is a value. */
function languageBlockBody(body: Json): string[] {
  return Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      if (["from", "to", "provider"].includes(name))
        return `${INDENT}${name} = ${reference(String(value))}`;
      if (name === "lifecycle")
        return block(
          "lifecycle",
          [],
          attributes(asObject(value), templateExpression, INDENT + INDENT),
          INDENT,
        );
      return attribute(name, value, templateExpression, INDENT);
    });
}

/** The `terraform` block: Terraform reads it before anything can be evaluated, so its strings are literal. */
function terraformBody(terraform: Json): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(terraform)) {
    if (value === undefined) continue;
    if (name === "required_providers") {
      const providers = Object.entries(asObject(value)).map(([provider, requirement]) => {
        const entries = Object.entries(asObject(requirement)).map(([key, setting]) =>
          key === "configuration_aliases"
            ? attribute(key, asList(setting).map(String), reference, INDENT.repeat(3))
            : attribute(key, setting, literalString, INDENT.repeat(3)),
        );
        return `${INDENT}${INDENT}${provider} = ${["{", ...entries, `${INDENT}${INDENT}}`].join("\n")}`;
      });
      lines.push(block("required_providers", [], providers, INDENT));
    } else if (name === "backend") {
      for (const [type, settings] of Object.entries(asObject(value))) {
        lines.push(
          block(
            "backend",
            [type],
            attributes(asObject(settings), literalString, INDENT.repeat(2)),
            INDENT,
          ),
        );
      }
    } else if (name === "cloud") {
      const { workspaces, ...settings } = asObject(value);
      const body = attributes(settings, literalString, INDENT.repeat(2));
      if (workspaces !== undefined) {
        body.push(
          block(
            "workspaces",
            [],
            attributes(asObject(workspaces), literalString, INDENT.repeat(3)),
            INDENT.repeat(2),
          ),
        );
      }
      lines.push(block("cloud", [], body, INDENT));
    } else if (name === "experiments") {
      lines.push(references(name, value, INDENT));
    } else {
      lines.push(attribute(name, value, literalString, INDENT));
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------
// Shapes

/**
 * For an argument cdktf describes as a nested block: the shape of each of its blocks, by index. Undefined for
 * an attribute, for an argument cdktf does not describe (e.g. one added by an override), and for a block
 * given as a single expression (a token), which only an attribute can hold.
 */
function nestedBlockShapes(
  shape: Shape,
  name: string,
  value: unknown,
): ((index: number) => Shape) | undefined {
  const description = shape?.[name];
  if (!isDescription(description) || !(description.isBlock || description.is_block))
    return undefined;
  const items = asList(value);
  if (!items.every((item) => item !== null && typeof item === "object" && !Array.isArray(item))) {
    return undefined;
  }
  const inner = description.value;
  return (index) => {
    const itemShape = Array.isArray(inner) ? inner[index] : inner;
    return itemShape !== null && typeof itemShape === "object" ? (itemShape as Json) : undefined;
  };
}

interface Description {
  readonly value: unknown;
  readonly isBlock?: boolean;
  readonly is_block?: boolean;
}

function isDescription(value: unknown): value is Description {
  return value !== null && typeof value === "object" && "value" in value;
}

function asObject(value: unknown): Json {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(
      `Expected a JSON object in the Terraform configuration, got ${JSON.stringify(value)}`,
    );
  }
  return value as Json;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
