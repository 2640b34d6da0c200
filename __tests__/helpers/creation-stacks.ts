/**
 * cdktf's token creation stacks, formatted by V8 itself in the test workers instead of by Vite's source-map
 * interceptor.
 *
 * cdktf records where each token was made (`Lazy`, `Intrinsic` and their kin keep a `creationStack`, a stack trace
 * of unlimited depth, shown only in its message about a token it cannot resolve): the suite makes about 40,000
 * tokens. Under Vitest, `Error.prepareStackTrace` is Vite's interceptor, a JavaScript function that V8 calls with
 * every frame of every trace, and that maps each frame to its TypeScript line; unset, V8 formats a trace itself,
 * far faster. With the interceptor, defining the app's stacks took twice as long (100 ms instead of 47 ms; the
 * app's whole synth 190 ms of CPU instead of 135 ms), and `vitest run` 21.5 s of CPU instead of 17.3 s.
 *
 * So cdktf's `captureStackTrace`, the one function all those traces go through, runs here with
 * `Error.prepareStackTrace` unset: the same frames, at JavaScript positions. Every other trace, a failing test's
 * above all, still goes through Vite and shows TypeScript lines (creation-stacks.test.ts checks both).
 */
import { createRequire } from "node:module";

/** cdktf's (and CDK Terrain's) module with the one function every token calls when it is made. */
const STACK_TRACE_MODULE = "cdktf/lib/tokens/private/stack-trace";

type Below = (...args: never[]) => unknown;
interface StackTraceModule {
  captureStackTrace: (below?: Below) => string[];
}

const INSTALLED = Symbol.for("sagemaker-inference-cdktf.native-creation-stacks");

/** Installs it once per worker: setup.ts runs in every test file, and the worker's modules and globals stay. */
export function captureCreationStacksNatively(): void {
  const state = globalThis as { [INSTALLED]?: true };
  if (state[INSTALLED]) return;
  state[INSTALLED] = true;
  // The same module object cdktf's own files require (Node's module cache), whose export they read at each call.
  const stackTrace = createRequire(__filename)(STACK_TRACE_MODULE) as StackTraceModule;
  const capture = stackTrace.captureStackTrace;
  // Node's types declare it always set; unset, V8 formats the trace itself.
  const errors: { prepareStackTrace?: ErrorConstructor["prepareStackTrace"] } = Error;
  const natively = (below?: Below): string[] => {
    const prepare = errors.prepareStackTrace;
    errors.prepareStackTrace = undefined;
    try {
      // Hides this function too when the caller names none, as cdktf's hides itself.
      return capture(below ?? natively);
    } finally {
      errors.prepareStackTrace = prepare;
    }
  };
  stackTrace.captureStackTrace = natively;
}
