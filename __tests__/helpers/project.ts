/**
 * The project's own app, as `main.ts` builds it, synthesized once per test file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing, TerraformStack, type App } from "cdktf";
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

/** What `app.synth()` (the app command of `cdktf synth`) writes: each stack's cdk.tf.json by stack name, sorted, and the folder it wrote to. */
export function writtenBy(app: App): { outdir: string; files: Record<string, string> } {
  app.synth();
  const stacks = app.node.children
    .filter((child) => child instanceof TerraformStack)
    .map(({ node }) => node.id)
    .sort();
  const files = Object.fromEntries(
    stacks.map((stack) => [
      stack,
      readFileSync(join(app.outdir, "stacks", stack, "cdk.tf.json"), "utf8"),
    ]),
  );
  return { outdir: app.outdir, files };
}
