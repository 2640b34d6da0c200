/**
 * The stand-ins of every stack of an app, wired to each other the way their states are: a stack that reads
 * another's state (`terraform_remote_state`, as cdktf writes for a cross-stack reference) gets the outputs that
 * the other stack's stand-in plans with its defaults. So the consumer is planned with what the producer really
 * outputs, and a consumer reading an output the producer does not have fails.
 */
import type { OfflineTerraform } from "./offline-terraform";
import type { TerraformConfiguration } from "./stand-in";
import { StandInWorkspace } from "./stand-in-plans";

export interface ProjectStack {
  readonly name: string;
  readonly configuration: TerraformConfiguration;
  /** Values of the variables without a default, for the plan whose outputs other stacks read. */
  readonly required: Readonly<Record<string, unknown>>;
}

type Json = Record<string, unknown>;

interface RemoteState {
  /** The data source's name, e.g. `cross-stack-reference-input-iam`. */
  readonly name: string;
  readonly backend: string;
  readonly config: unknown;
}

/**
 * The stack whose state a `terraform_remote_state` data source reads: the one whose backend is the data source's
 * backend and configuration, else the one cdktf names it after (`cross-stack-reference-input-<stack>`).
 */
function producerOf(
  stacks: readonly ProjectStack[],
  source: RemoteState,
): ProjectStack | undefined {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const byBackend = stacks.find((stack) => {
    const backends = (stack.configuration.terraform?.backend ?? {}) as Json;
    return source.backend in backends && same(backends[source.backend], source.config);
  });
  return (
    byBackend ?? stacks.find((stack) => source.name === `cross-stack-reference-input-${stack.name}`)
  );
}

function remoteStates(configuration: TerraformConfiguration): RemoteState[] {
  return Object.entries(configuration.data?.terraform_remote_state ?? {}).map(([name, body]) => ({
    name,
    backend: String(body.backend),
    config: body.config,
  }));
}

/** The stacks, each after the stacks whose state it reads. */
function inDependencyOrder(stacks: readonly ProjectStack[]): ProjectStack[] {
  const ordered: ProjectStack[] = [];
  const visit = (stack: ProjectStack, chain: readonly string[]) => {
    if (chain.includes(stack.name)) {
      throw new Error(`The stacks read each other's state: ${[...chain, stack.name].join(" -> ")}`);
    }
    if (ordered.includes(stack)) return;
    for (const source of remoteStates(stack.configuration)) {
      const producer = producerOf(stacks, source);
      if (producer) visit(producer, [...chain, stack.name]);
    }
    ordered.push(stack);
  };
  for (const stack of stacks) visit(stack, []);
  return ordered;
}

/**
 * A workspace per stack (by name), each initialized; producers first, so that their default outputs are known
 * when their consumers' stand-ins are written. Fails, naming the stack, when a stand-in cannot be written or a
 * producer does not plan.
 */
export async function projectWorkspaces(
  terraform: OfflineTerraform,
  stacks: readonly ProjectStack[],
): Promise<Map<string, StandInWorkspace>> {
  const workspaces = new Map<string, StandInWorkspace>();
  const outputs = new Map<string, Json>();
  try {
    for (const stack of inDependencyOrder(stacks)) {
      const known = new Map<string, Json>();
      for (const source of remoteStates(stack.configuration)) {
        const producer = producerOf(stacks, source);
        if (producer) known.set(source.name, await producerOutputs(workspaces, outputs, producer));
      }
      const workspace = new StandInWorkspace(terraform, stack.name, stack.configuration, {
        remoteStateOutputs: (source) => known.get(source.name),
      });
      workspaces.set(stack.name, workspace);
      const problems = await workspace.init();
      if (problems.length > 0)
        throw new Error(`terraform init of the ${stack.name} stand-in:\n${problems.join("\n")}`);
    }
  } catch (error) {
    for (const workspace of workspaces.values()) workspace.dispose();
    throw error;
  }
  return new Map(stacks.map((stack) => [stack.name, workspaces.get(stack.name)!]));
}

/** The outputs a producer's stand-in plans with its defaults (planned once). */
async function producerOutputs(
  workspaces: ReadonlyMap<string, StandInWorkspace>,
  outputs: Map<string, Json>,
  producer: ProjectStack,
): Promise<Json> {
  if (!outputs.has(producer.name)) {
    const outcome = await workspaces.get(producer.name)!.plan({ variables: producer.required });
    if (outcome.errors.length > 0) {
      const errors = outcome.errors.map((error) => error.message).join("\n");
      throw new Error(
        `Stack ${producer.name}, whose state other stacks read, does not plan:\n${errors}`,
      );
    }
    outputs.set(producer.name, outcome.outputs as Json);
  }
  return outputs.get(producer.name)!;
}
