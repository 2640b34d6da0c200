/**
 * Mermaid flowcharts of an app graph: one per stack, and an overview of the stacks.
 */
import { ARROWS, edgeLine, label, mermaidIds, nodeLine } from "./mermaid";
import {
  byCodeUnits,
  GROUP_OF_KIND,
  type AppGraph,
  type GraphEdge,
  type GraphNode,
  type NodeRef,
  type StackGraph,
} from "./stack-graph";

const INDENT = "  ";

function keyOf(node: NodeRef): string {
  return `${node.stack}/${node.address}`;
}

function isCrossStack(edge: GraphEdge): boolean {
  return edge.from.stack !== edge.to.stack;
}

/** Groups in drawing order: outputs, the services (rank 1, by name), then what feeds them. */
const GROUP_RANKS = new Map([
  [GROUP_OF_KIND.output, 0],
  [GROUP_OF_KIND.provider, 2],
  [GROUP_OF_KIND.local, 3],
  [GROUP_OF_KIND.variable, 4],
]);

function groupRank(group: string): number {
  return GROUP_RANKS.get(group) ?? 1;
}

function byGroup(nodes: readonly GraphNode[]): [string, GraphNode[]][] {
  const groups = new Map<string, GraphNode[]>();
  for (const node of nodes) groups.set(node.group, [...(groups.get(node.group) ?? []), node]);
  return [...groups.entries()].sort(([a], [b]) => groupRank(a) - groupRank(b) || byCodeUnits(a, b));
}

function nodeLabel(node: GraphNode): string {
  const prefix = node.kind === "data" ? `data.${node.type}` : node.type;
  return node.kind === "resource" || node.kind === "data"
    ? label(prefix, node.name)
    : label(`${prefix}.${node.name}`);
}

function stackTitle(name: string): string {
  return label(`Stack ${name}`);
}

/**
 * The flowchart of stack `name`: its nodes grouped by service inside a subgraph of the stack, an edge for
 * every reference and `depends_on`, and for every cross-stack reference the node of the other stack, inside
 * that stack's subgraph. An arrow points from a block to the block it refers to.
 */
export function stackFlowchart(graph: AppGraph, name: string): string {
  const stack = graph.stacks.find((candidate) => candidate.name === name);
  if (stack === undefined) throw new Error(`No stack '${name}' in the app graph.`);
  const edges = graph.edges.filter((edge) => edge.from.stack === name || edge.to.stack === name);
  const nodes = new Map(graph.stacks.flatMap((s) => s.nodes).map((node) => [keyOf(node), node]));
  // The nodes of other stacks that this one reads, or that read it.
  const foreign = new Map(
    edges
      .flatMap((edge) => [edge.from, edge.to])
      .filter((ref) => ref.stack !== name)
      .map((ref) => [keyOf(ref), nodes.get(keyOf(ref))!]),
  );
  const neighbours = [...new Set([...foreign.values()].map((node) => node.stack))].sort(
    byCodeUnits,
  );

  const nodeIds = mermaidIds("n", [...stack.nodes, ...foreign.values()].map(keyOf));
  const groupIds = mermaidIds(
    "g",
    stack.nodes.map((node) => `${name}/${node.group}`),
  );
  const stackIds = mermaidIds("s", [name, ...neighbours]);
  const nodeLineOf = (node: GraphNode) =>
    nodeLine(nodeIds.get(keyOf(node))!, node.kind, nodeLabel(node));

  const lines = ["flowchart TD", `${INDENT}subgraph ${stackIds.get(name)}[${stackTitle(name)}]`];
  for (const [group, members] of byGroup(stack.nodes)) {
    lines.push(`${INDENT.repeat(2)}subgraph ${groupIds.get(`${name}/${group}`)}[${label(group)}]`);
    lines.push(...members.map((node) => INDENT.repeat(3) + nodeLineOf(node)));
    lines.push(`${INDENT.repeat(2)}end`);
  }
  lines.push(`${INDENT}end`);
  for (const neighbour of neighbours) {
    const members = [...foreign.values()]
      .filter((node) => node.stack === neighbour)
      .sort((a, b) => byCodeUnits(a.address, b.address));
    lines.push(`${INDENT}subgraph ${stackIds.get(neighbour)}[${stackTitle(neighbour)}]`);
    lines.push(...members.map((node) => INDENT.repeat(2) + nodeLineOf(node)));
    lines.push(`${INDENT}end`);
  }
  for (const edge of edges) {
    const arrow = isCrossStack(edge) ? ARROWS.crossStack : ARROWS[edge.kind];
    const text = edge.kind === "depends_on" ? ["depends_on"] : edge.attributes;
    const from = nodeIds.get(keyOf(edge.from))!;
    const to = nodeIds.get(keyOf(edge.to))!;
    lines.push(INDENT + edgeLine(from, arrow, to, text.length > 0 ? label(...text) : undefined));
  }
  return lines.join("\n");
}

/** `2 IAM, 1 Time`: how many resources of each service a stack has. */
function resourceSummary(stack: StackGraph): string {
  const counts = new Map<string, number>();
  for (const node of stack.nodes.filter((candidate) => candidate.kind === "resource")) {
    counts.set(node.group, (counts.get(node.group) ?? 0) + 1);
  }
  const parts = [...counts.entries()]
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([group, count]) => `${count} ${group}`);
  return parts.length > 0 ? `resources: ${parts.join(", ")}` : "no resources";
}

/**
 * The stacks and their dependencies: an arrow from a stack to each stack it depends on (cdktf deploys that one
 * first), labelled with what it reads from it.
 */
export function overviewFlowchart(graph: AppGraph): string {
  const ids = mermaidIds(
    "s",
    graph.stacks.map((stack) => stack.name),
  );
  const lines = ["flowchart LR"];
  for (const stack of graph.stacks) {
    lines.push(`${INDENT}${ids.get(stack.name)}[${label(stack.name, resourceSummary(stack))}]`);
  }
  for (const stack of graph.stacks) {
    const reads = graph.edges.filter(
      (edge) => edge.from.stack === stack.name && isCrossStack(edge),
    );
    const producers = new Set([...stack.dependencies, ...reads.map((edge) => edge.to.stack)]);
    for (const producer of [...producers].sort(byCodeUnits)) {
      const texts = reads
        .filter((edge) => edge.to.stack === producer)
        .flatMap((edge) =>
          edge.attributes.length > 0
            ? edge.attributes.map((attribute) => `${edge.to.address}.${attribute}`)
            : [edge.to.address],
        );
      const unique = [...new Set(texts)].sort(byCodeUnits);
      const text = unique.length > 0 ? label(...unique) : undefined;
      lines.push(
        INDENT + edgeLine(ids.get(stack.name)!, ARROWS.reference, ids.get(producer)!, text),
      );
    }
  }
  return lines.join("\n");
}
