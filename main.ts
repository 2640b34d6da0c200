// First: it keeps cdktf from loading dependencies this app never uses (see the file).
import "./stacks/defer-cdktf-dependencies";
import { defineStacks } from "./stacks/app";
import { recordCreationStacks, withCreationStacksHint } from "./stacks/creation-stacks";
import { synthesizeApp } from "./stacks/synthesize-app";

// Before the stacks make their tokens: cdktf's creation stacks cost 15% of a synth (see the file).
const creationStacks = recordCreationStacks(process.env);
try {
  process.exitCode = synthesizeApp(defineStacks);
} catch (error) {
  throw creationStacks ? error : withCreationStacksHint(error);
}
