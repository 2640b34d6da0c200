/**
 * The graph a diagram draws, read from synthesized Terraform JSON: every resource, data source, local, variable,
 * output and provider configuration of each stack as a node, every reference and `depends_on` as an edge, and
 * cdktf's cross-stack references resolved to the resource of the other stack they read.
 */
import { serviceOf } from "./services";
import { expressionTraversals, templateTraversals, type Traversal } from "./terraform-references";

type Block = Readonly<Record<string, unknown>>;
type BlocksByType = Readonly<Record<string, Readonly<Record<string, Block>>>>;

/**
 * A stack's synthesized Terraform JSON, as in `cdktf.out/stacks/<stack>/cdk.tf.json` or from `Testing.synth`.
 * cdktf's `//` metadata is ignored wherever it appears.
 */
export interface TerraformJson {
  readonly resource?: BlocksByType;
  readonly data?: BlocksByType;
  readonly locals?: Readonly<Record<string, unknown>>;
  readonly variable?: Readonly<Record<string, Block>>;
  readonly output?: Readonly<Record<string, Block>>;
  readonly provider?: Readonly<Record<string, readonly Block[]>>;
}

/** One synthesized stack: its name, the stacks it depends on (cdktf's `manifest.json`) and its JSON. */
export interface SynthesizedStackInput {
  readonly name: string;
  readonly dependencies: readonly string[];
  readonly terraform: TerraformJson;
}

export type NodeKind = "resource" | "data" | "local" | "variable" | "output" | "provider";

/** Where a node is: its stack and its Terraform address. */
export interface NodeRef {
  readonly stack: string;
  /**
   * `aws_iam_role.x`, `data.aws_partition.current`, `local.x`, `var.x`, and, for what has no address of its
   * own in Terraform, `output.x` and `provider.aws` (`provider.aws.<alias>` for an aliased configuration).
   */
  readonly address: string;
}

export interface GraphNode extends NodeRef {
  readonly kind: NodeKind;
  /** The resource or data source type; for the other kinds the address prefix (`var`, `output`, ...). */
  readonly type: string;
  readonly name: string;
  /** The service of a resource or data source (`IAM`), else the kind's group (`Variables`, ...). */
  readonly group: string;
}

export type EdgeKind = "reference" | "depends_on";

/** `from` refers to or depends on `to`. A cross-stack reference joins nodes of two stacks. */
export interface GraphEdge {
  readonly from: NodeRef;
  readonly to: NodeRef;
  readonly kind: EdgeKind;
  /** The attributes a reference reads (`arn`, `name`), sorted; empty when it reads the whole object. */
  readonly attributes: readonly string[];
}

export interface StackGraph {
  readonly name: string;
  /** The stacks this one depends on, sorted. */
  readonly dependencies: readonly string[];
  /** Sorted by address. */
  readonly nodes: readonly GraphNode[];
}

export interface AppGraph {
  /** Sorted by name. */
  readonly stacks: readonly StackGraph[];
  /** Every edge, within and between stacks, sorted. */
  readonly edges: readonly GraphEdge[];
}

export const GROUP_OF_KIND: Readonly<Record<Exclude<NodeKind, "resource" | "data">, string>> = {
  local: "Locals",
  variable: "Variables",
  output: "Outputs",
  provider: "Providers",
};

/**
 * cdktf's cross-stack plumbing: the consumer reads the producer's state through
 * `data.terraform_remote_state.cross-stack-reference-input-<producer>` and its output
 * `cross-stack-output-<address>`. Both are drawn as the edge they stand for, not as nodes.
 */
const CROSS_STACK_INPUT = "cross-stack-reference-input-";
const CROSS_STACK_OUTPUT = "cross-stack-output-";

/** Sorts by UTF-16 code units: the same order on every machine, whatever its locale. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The graph of all stacks; throws when a cross-stack reference names a stack or output that is not there. */
export function appGraph(inputs: readonly SynthesizedStackInput[]): AppGraph {
  const stacks = new Map(inputs.map((input) => [input.name, new StackReader(input)]));
  const unknown = inputs.flatMap(({ name, dependencies }) =>
    dependencies
      .filter((dependency) => !stacks.has(dependency))
      .map((dependency) => `${name} → ${dependency}`),
  );
  if (unknown.length > 0) {
    throw new Error(`Stacks depend on stacks that are not given: ${unknown.join(", ")}.`);
  }
  const edges = new EdgeSet();
  for (const reader of stacks.values()) {
    for (const source of reader.referenceSources()) {
      for (const traversal of source.traversals) {
        for (const target of resolve(stacks, reader, traversal)) {
          edges.add(source.node, target.node, source.kind, target.attribute);
        }
      }
    }
  }
  return {
    stacks: [...stacks.values()]
      .map((reader) => reader.graph())
      .sort((a, b) => byCodeUnits(a.name, b.name)),
    edges: edges.sorted(),
  };
}

interface Target {
  readonly node: NodeRef;
  readonly attribute: string | undefined;
}

/** The kind a traversal's root names; any other root is a resource type. */
const ROOT_KINDS: Readonly<Record<string, NodeKind>> = {
  data: "data",
  local: "local",
  var: "variable",
};

/** What a traversal in stack `reader` refers to; through cross-stack references, nodes of other stacks. */
function resolve(
  stacks: ReadonlyMap<string, StackReader>,
  reader: StackReader,
  traversal: Traversal,
): Target[] {
  const [root, first, second, third, fourth] = traversal;
  const isData = root === "data";
  const address = isData ? `data.${first}.${second}` : `${root}.${first}`;
  const attribute = traversal.slice(isData ? 3 : 2).find((name) => name !== "*");
  const kind = ROOT_KINDS[root ?? ""] ?? "resource";

  const producer = isData && second !== undefined ? reader.producerOf(second) : undefined;
  if (producer !== undefined) {
    const output = third === "outputs" ? fourth : undefined;
    const value = stacks.get(producer)?.input.terraform.output?.[output ?? ""]?.value;
    if (value === undefined) {
      throw new Error(
        `Stack '${reader.input.name}' refers to ${traversal.join(".")}, but there is no output '${output}' in a stack '${producer}'.`,
      );
    }
    const producerReader = stacks.get(producer)!;
    return collectStrings(value).flatMap((text) =>
      templateTraversals(text).flatMap((inner) => resolve(stacks, producerReader, inner)),
    );
  }
  // Anything else (`count.index`, `each.key`, a `for` expression's own names) is no node of the stack.
  const found = reader.kindAt(address) === kind;
  return found ? [{ node: { stack: reader.input.name, address }, attribute }] : [];
}

interface ReferenceSource {
  readonly node: NodeRef;
  readonly kind: EdgeKind;
  readonly traversals: readonly Traversal[];
}

class StackReader {
  private readonly nodes = new Map<string, GraphNode>();
  /** Cross-stack remote state data source name → producing stack. */
  private readonly producers = new Map<string, string>();
  private readonly sources: ReferenceSource[] = [];

  public constructor(public readonly input: SynthesizedStackInput) {
    const { terraform } = input;
    for (const [type, name, block] of blocksOf(terraform.resource)) {
      this.addNode("resource", `${type}.${name}`, type, name, serviceOf(type), block);
    }
    for (const [type, name, block] of blocksOf(terraform.data)) {
      if (type === "terraform_remote_state" && name.startsWith(CROSS_STACK_INPUT)) {
        this.producers.set(name, name.slice(CROSS_STACK_INPUT.length));
      } else {
        this.addNode("data", `data.${type}.${name}`, type, name, serviceOf(type), block);
      }
    }
    for (const [name, value] of entries(terraform.locals)) {
      this.addNode("local", `local.${name}`, "local", name, GROUP_OF_KIND.local, { value });
    }
    for (const [name, block] of entries(terraform.variable)) {
      // A variable's default is a literal, not a template; only its validation refers to anything.
      const { validation } = block;
      this.addNode("variable", `var.${name}`, "var", name, GROUP_OF_KIND.variable, { validation });
    }
    for (const [name, block] of entries(terraform.output)) {
      if (name.startsWith(CROSS_STACK_OUTPUT)) continue;
      // An output's description is a literal, not a template.
      const expressions = Object.fromEntries(
        Object.entries(block).filter(([key]) => key !== "description"),
      );
      this.addNode("output", `output.${name}`, "output", name, GROUP_OF_KIND.output, expressions);
    }
    for (const [type, configurations] of entries(terraform.provider)) {
      for (const configuration of configurations) {
        const alias = typeof configuration.alias === "string" ? configuration.alias : undefined;
        const name = alias === undefined ? type : `${type}.${alias}`;
        const address = `provider.${name}`;
        this.addNode("provider", address, "provider", name, GROUP_OF_KIND.provider, configuration);
      }
    }
  }

  public kindAt(address: string): NodeKind | undefined {
    return this.nodes.get(address)?.kind;
  }

  public producerOf(dataSourceName: string): string | undefined {
    return this.producers.get(dataSourceName);
  }

  public referenceSources(): readonly ReferenceSource[] {
    return this.sources;
  }

  public graph(): StackGraph {
    return {
      name: this.input.name,
      dependencies: [...this.input.dependencies].sort(byCodeUnits),
      nodes: [...this.nodes.values()].sort((a, b) => byCodeUnits(a.address, b.address)),
    };
  }

  /** Adds a node and the references of its block: `depends_on` and `replace_triggered_by` hold bare expressions. */
  private addNode(
    kind: NodeKind,
    address: string,
    type: string,
    name: string,
    group: string,
    block: Block,
  ): void {
    this.nodes.set(address, { stack: this.input.name, address, kind, type, name, group });
    const { depends_on: dependsOn, lifecycle, ...attributes } = block;
    const { replace_triggered_by: replaceTriggeredBy, ...lifecycleRest } = isBlock(lifecycle)
      ? lifecycle
      : {};
    const bare = (value: unknown) => collectStrings(value).flatMap(expressionTraversals);
    this.addSource(address, "depends_on", bare(dependsOn));
    this.addSource(address, "reference", [
      ...bare(replaceTriggeredBy),
      ...collectStrings([attributes, lifecycleRest]).flatMap(templateTraversals),
    ]);
  }

  private addSource(address: string, kind: EdgeKind, traversals: readonly Traversal[]): void {
    if (traversals.length === 0) return;
    this.sources.push({ node: { stack: this.input.name, address }, kind, traversals });
  }
}

class EdgeSet {
  private readonly edges = new Map<
    string,
    { from: NodeRef; to: NodeRef; kind: EdgeKind; attributes: Set<string> }
  >();

  public add(from: NodeRef, to: NodeRef, kind: EdgeKind, attribute: string | undefined): void {
    // A block referring to itself (a variable's validation) is no edge.
    if (from.stack === to.stack && from.address === to.address) return;
    const key = edgeKey(from, to, kind);
    const edge = this.edges.get(key) ?? { from, to, kind, attributes: new Set<string>() };
    if (attribute !== undefined && kind === "reference") edge.attributes.add(attribute);
    this.edges.set(key, edge);
  }

  public sorted(): GraphEdge[] {
    return [...this.edges.entries()]
      .sort(([a], [b]) => byCodeUnits(a, b))
      .map(([, edge]) => ({ ...edge, attributes: [...edge.attributes].sort(byCodeUnits) }));
  }
}

function edgeKey(from: NodeRef, to: NodeRef, kind: EdgeKind): string {
  return [from.stack, from.address, to.stack, to.address, kind].join("\u0000");
}

function entries<T>(record: Readonly<Record<string, T>> | undefined): [string, T][] {
  return Object.entries(record ?? {}).filter(([key]) => key !== "//");
}

function blocksOf(blocks: BlocksByType | undefined): [string, string, Block][] {
  return entries(blocks).flatMap(([type, byName]) =>
    entries(byName).map(([name, block]): [string, string, Block] => [type, name, block]),
  );
}

function isBlock(value: unknown): value is Block {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every string in a JSON value, object keys included, skipping cdktf's `//` metadata. */
function collectStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (isBlock(value)) {
    return entries(value).flatMap(([key, inner]) => [key, ...collectStrings(inner)]);
  }
  return [];
}
