/**
 * Imported by main.ts before any token is made: cdktf's token creation stacks, off in the app unless
 * SAGEMAKER_CREATION_STACKS=1 asks for them.
 *
 * cdktf records where each token was made: `Lazy`, `Intrinsic` and their kin keep a `creationStack`, a stack trace
 * of unlimited depth, formatted into strings as it is taken. It is read only by cdktf's message about a token it
 * cannot resolve. The app makes thousands of tokens, so the traces are 15% of a synth of the four stacks (0.33 s
 * instead of 0.39 s in `npm run bench` on our machines) and 40% of a synth of 1,000 endpoints (4.2 s instead of
 * 6.9 s): see docs/performance.md. cdktf 0.21 is its last release, so the function replaced here (`captureStackTrace` of
 * `lib/tokens/private/stack-trace`, which every token's constructor calls through the module's exports) will not
 * move; CDK Terrain has the same module, and its own switch (`CDKTN_DISABLE_CREATION_STACK`) behind the same
 * exports.
 *
 * A stack of your own that fails with "Found an encoded token that was not resolved" (or another message about a
 * token) is told to run again with SAGEMAKER_CREATION_STACKS=1: the message then says where the token was made.
 */
export const CREATION_STACKS_SWITCH = "SAGEMAKER_CREATION_STACKS";

/** Appended to an error from cdktf when the creation stacks were off. */
export const CREATION_STACKS_HINT = `(cdktf's token creation stacks are off for speed: run again with ${CREATION_STACKS_SWITCH}=1 to see in this message where each token was made)`;

/**
 * `lib/tokens/private/stack-trace`: cdktf's tokens call `captureStackTrace`, CDK Terrain's `captureCreationStack`
 * (which CDKTN_DISABLE_CREATION_STACK turns off), each through the module's exports.
 */
interface StackTraceModule {
  captureStackTrace: (below?: unknown) => string[];
  captureCreationStack?: () => string[];
}

/**
 * Turns the creation stacks off unless `env` asks for them; returns whether they are recorded. The module is
 * found next to the cdktf that the app loads.
 */
export function recordCreationStacks(env: NodeJS.ProcessEnv): boolean {
  if (env[CREATION_STACKS_SWITCH] === "1") return true;
  // The module's own exports object, which cdktf's modules read at each call; an import would be a copy of it in
  // the app command's bundle (esbuild's interop).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const stackTrace = require("cdktf/lib/tokens/private/stack-trace") as StackTraceModule;
  stackTrace.captureStackTrace = () => [];
  if (stackTrace.captureCreationStack) stackTrace.captureCreationStack = () => [];
  return false;
}

/**
 * An error of cdktf's about a token, with {@link CREATION_STACKS_HINT} after its message (and in its stack, which
 * is what Node.js prints); any other error as it is.
 */
export function withCreationStacksHint(error: unknown): unknown {
  if (!(error instanceof Error) || !/\btokens?\b/i.test(error.message)) return error;
  const message = `${error.message}\n${CREATION_STACKS_HINT}`;
  error.stack = error.stack?.replace(error.message, message);
  error.message = message;
  return error;
}
