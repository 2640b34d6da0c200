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
 * cdktf's `captureStackTrace` (CDK Terrain's and constructs' too, copies of one function) is the only caller of
 * `Error.captureStackTrace` that sets `Error.stackTraceLimit` to `Number.MAX_SAFE_INTEGER` (Vitest uses `Infinity`
 * or a number). Those calls run here with `Error.prepareStackTrace` unset, and the trace is formatted before it is
 * set again: the same frames, at JavaScript positions. Every other trace, a failing test's above all, still goes
 * through Vite and shows TypeScript lines (creation-stacks.test.ts checks both).
 */

type Capture = ErrorConstructor["captureStackTrace"];

const INSTALLED = Symbol.for("sagemaker-inference-cdktf.native-creation-stacks");

/** Installs it once per worker: setup.ts runs in every test file, and the worker's globals stay. */
export function captureCreationStacksNatively(): void {
  const state = globalThis as { [INSTALLED]?: true };
  if (state[INSTALLED]) return;
  state[INSTALLED] = true;
  const capture: Capture = Error.captureStackTrace.bind(Error);
  // Node's types declare it always set; unset, V8 formats the trace itself.
  const errors: { prepareStackTrace?: ErrorConstructor["prepareStackTrace"] } = Error;
  const natively: Capture = (target, below) => {
    if (Error.stackTraceLimit !== Number.MAX_SAFE_INTEGER) {
      capture(target, below ?? natively);
      return;
    }
    const prepare = errors.prepareStackTrace;
    errors.prepareStackTrace = undefined;
    try {
      capture(target, below ?? natively);
      // V8 formats the trace when it is first read: read it now, while the interceptor is unset.
      void (target as { stack?: unknown }).stack;
    } finally {
      errors.prepareStackTrace = prepare;
    }
  };
  Error.captureStackTrace = natively;
}
