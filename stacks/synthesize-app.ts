/**
 * What `main.ts` runs: a cdktf app with the given stacks, synthesized, and a construct's `ValidationError`
 * reported once, as its list of problems, with no JavaScript stack trace and a failing exit code.
 *
 * The cdktf CLI prints everything the app writes to stderr twice when the app fails (once as it comes, once in
 * its "Command output on stderr" summary), together with Node.js's stack trace. What it prints once, and fails
 * on, are error annotations: it asks the app for them with CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS, then
 * prints each as `ERROR [<construct path>]: <message>` and exits with 1. So under the CLI the error becomes an
 * annotation at the construct path it names; run directly (`node`), the app prints the message to stderr and
 * exits with 1.
 *
 * The CLI removes the folder of every stack the app's manifest does not list, and an app that stops at an invalid
 * construct never defines the stacks after it: under the CLI, the stacks it did not define are listed as the last
 * synth left them (`last-synthesis.ts`), so their folders, `.terraform` included, stay.
 */
import {
  AnnotationMetadataEntryType,
  Annotations,
  App,
  LocalBackend,
  type StackAnnotation,
  TerraformElement,
  TerraformStack,
} from "cdktf";
import { Construct } from "constructs";
import { writeOneFormatOnly } from "../modules/core/hcl/one-format-synthesizer";
import { ValidationError } from "../modules/core/validation";
import { lastSynthesizedStacks } from "./last-synthesis";

/** Set by the cdktf CLI when it runs the app command: it prints the error annotations itself. */
export const CLI_PRINTS_ANNOTATIONS = "CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS";

export interface AppIo {
  readonly env: NodeJS.ProcessEnv;
  readonly writeError: (text: string) => void;
}

/**
 * Builds the app with `define` and synthesizes it; returns the exit code. Annotations carry no creation stack
 * trace (cdktf records one per annotation, and the CLI prints it under every error), as `App({ stackTraces:
 * false })` provides.
 */
export function synthesizeApp(
  define: (app: App) => void,
  io: AppIo = { env: process.env, writeError: (text) => process.stderr.write(text) },
): number {
  const app = new App({
    stackTraces: false,
    outdir: io.env.CDKTF_OUTDIR,
    hclOutput: io.env.SYNTH_HCL_OUTPUT === "true",
  });
  try {
    define(app);
    nameEveryElement(app);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    if (io.env[CLI_PRINTS_ANNOTATIONS] === undefined) {
      io.writeError(`${error.message}\n`);
      return 1;
    }
    reportInPlaceOfStack(app, error);
  }
  app.synth();
  return 0;
}

/**
 * Gives every element its Terraform name now. cdktf names an element when something first refers to it, or at
 * synth for the others; a stack that finds two elements with one name (`ProjectStack`) throws a
 * ValidationError, which is then reported as any invalid input is, not from inside cdktf's synth.
 */
function nameEveryElement(app: App): void {
  for (const node of app.node.findAll()) {
    if (TerraformElement.isTerraformElement(node)) void node.friendlyUniqueId;
  }
}

/**
 * Takes the stack the invalid construct is in, whose definition stopped half way, out of the app, and lists the
 * error at the construct's path in its place: the CLI prints it and stops before any Terraform runs. The stack keeps
 * its folder as the last synth left it, in the manifest with the error as its only annotation, or, when the last
 * synth left none that the CLI can read (the first synth, or one in the other format), becomes an empty stack that
 * holds the error. The stacks defined before it are synthesized as usual; those after it, never defined, are listed
 * as the last synth left them.
 */
function reportInPlaceOfStack(app: App, error: ValidationError): void {
  const lastSynthesis = lastSynthesizedStacks(app.manifest); // before app.synth() writes the manifest again
  const [stackId = "", ...path] = error.constructPath.split("/");
  app.node.tryRemoveChild(stackId);
  if (!lastSynthesis.has(stackId)) {
    let scope: Construct = new NotSynthesizedStack(app, stackId);
    for (const id of path) scope = new Construct(scope, id);
    Annotations.of(scope).addError(error.message);
  }
  const defined = new Set(
    app.node
      .findAll()
      .filter(TerraformStack.isStack)
      .map((stack) => stack.node.id),
  );
  const annotation: StackAnnotation = {
    constructPath: error.constructPath,
    level: AnnotationMetadataEntryType.ERROR,
    message: error.message,
  };
  for (const [name, entry] of lastSynthesis) {
    if (defined.has(name)) continue;
    app.manifest.stacks[name] = name === stackId ? { ...entry, annotations: [annotation] } : entry;
  }
}

/**
 * A stack in place of one that failed validation: nothing in it, and state of its own inside its folder (the
 * default local state would be the real stack's, in the project root, which a plan of an empty stack would
 * empty).
 */
class NotSynthesizedStack extends TerraformStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: "not-synthesized.tfstate" });
    writeOneFormatOnly(this);
  }
}
