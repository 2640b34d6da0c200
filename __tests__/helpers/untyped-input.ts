/**
 * Props as a JSON or YAML configuration, plain JavaScript or a cast give them, and the one error they get: for the
 * tests of what the types exclude.
 */

/** `props` as the props of a construct, without the type checks TypeScript makes on a literal. */
export function untyped<T>(props: object): T {
  return props as T;
}

/** The message of the error `build` throws, or `undefined` when it throws none: to compare a whole message exactly. */
export function thrownMessage(build: () => unknown): string | undefined {
  try {
    build();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
