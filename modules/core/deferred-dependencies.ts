import Module, { createRequire } from "node:module";

/**
 * Makes a package's dependencies load on first use instead of when the package itself loads.
 *
 * `packageFile` is any file of the package that requires them (its `package.json` will do): each dependency is
 * resolved from there, exactly as the package's own `require` resolves it, and a stand-in is put in Node's
 * module cache under that file name. The stand-in loads the real module the first time it is called,
 * constructed or read from, and forwards to it from then on; the real module also replaces it in the cache,
 * so later `require` calls get the real one.
 *
 * Use it only for a dependency that the package requires at the top of a file but uses inside functions, and
 * that is a function or a plain object of functions: the stand-in is a function, so `typeof` tells it apart.
 * A dependency that cannot be resolved, or that is loaded already, is left alone.
 *
 * @returns the dependencies that were deferred.
 */
export function deferDependencies(packageFile: string, dependencies: readonly string[]): string[] {
  const requireFromPackage = createRequire(packageFile);
  return dependencies.filter((dependency) => {
    let file: string;
    try {
      file = requireFromPackage.resolve(dependency);
    } catch {
      return false;
    }
    if (require.cache[file]) return false;
    require.cache[file] = standIn(file, () => {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- Node's module cache is an object keyed by file
      delete require.cache[file];
      return requireFromPackage(dependency) as object;
    });
    return true;
  });
}

/** A loaded module whose exports load the real module on first use. */
function standIn(file: string, load: () => object): Module {
  let real: object | undefined;
  const loaded = (): object => (real ??= load());
  const exports = new Proxy(function deferred() {}, {
    apply: (_target, thisArgument, args: unknown[]) =>
      Reflect.apply(loaded() as (...args: unknown[]) => unknown, thisArgument, args),
    construct: (_target, args: unknown[]) =>
      Reflect.construct(loaded() as new (...args: unknown[]) => object, args),
    get: (_target, key) => Reflect.get(loaded(), key),
    has: (_target, key) => Reflect.has(loaded(), key),
    set: (_target, key, value) => Reflect.set(loaded(), key, value),
  });
  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  module.exports = exports;
  return module;
}
