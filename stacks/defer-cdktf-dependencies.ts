/**
 * Imported first by main.ts, before cdktf: cdktf requires these two packages when it loads but never uses
 * them in a synth of this app, and they are 250 of the 470 modules the app command would otherwise load (about
 * 60 ms of a 0.4 s synth on our machines).
 *
 * - archiver: cdktf zips a directory asset in a child process (`node .../private/fs.js`), where it loads
 *   archiver itself; this process only requires it.
 * - semver: checks the terraform version for validations this app never adds (resource moves are written as
 *   moved blocks by ProjectStack).
 *
 * Either still loads, on first use, if cdktf ever uses it here. See modules/core/deferred-dependencies.ts.
 */
import { readFileSync } from "node:fs";
import { deferDependencies } from "../modules/core/deferred-dependencies";

export const CDKTF_DEFERRED_DEPENDENCIES = ["archiver", "semver"] as const;

// Only those the installed package declares: CDK Terrain (docs/cdk-terrain.md) has no archiver, and an archiver
// that another package brought into node_modules is none of cdktf's business.
const manifestFile = require.resolve("cdktf/package.json");
const declared = (JSON.parse(readFileSync(manifestFile, "utf8")) as { dependencies?: object })
  .dependencies;
deferDependencies(
  manifestFile,
  CDKTF_DEFERRED_DEPENDENCIES.filter((name) => declared !== undefined && name in declared),
);
