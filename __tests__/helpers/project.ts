/**
 * The project's own app, as `main.ts` builds it, synthesized once per test file.
 */
import { Testing, type App } from "cdktf";
import { defineStacks, type ProjectStacks } from "../../stacks/app";
import { synthStack, type SynthesizedStack } from "./synth";

export interface SynthesizedProject {
  readonly app: App;
  readonly stacks: ProjectStacks;
  /** Each stack's JSON by stack name, with cross-stack references wired up (`prepareStack()`). */
  readonly json: Readonly<Record<string, SynthesizedStack>>;
}

let project: SynthesizedProject | undefined;

export function synthProject(): SynthesizedProject {
  if (!project) {
    const app = Testing.app();
    const stacks = defineStacks(app);
    const all = Object.values(stacks);
    // Cross-stack references become outputs and remote state only when the stacks are prepared.
    for (const stack of all) stack.prepareStack();
    const json = Object.fromEntries(all.map((stack) => [stack.node.id, synthStack(stack)]));
    project = { app, stacks, json };
  }
  return project;
}
