import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rows, type Report } from "../../../scripts/bench/report";
import { range, type Measurement } from "../../../scripts/bench/stats";
import { rewriteToRootImports } from "../../../scripts/bench/workspaces";

describe("rewriteToRootImports", () => {
  it("loads each provider module through the package root instead of its own path", () => {
    const code = [
      'const sagemaker_model_1 = require("@cdktf/provider-aws/lib/sagemaker-model");',
      'const provider_1 = require("@cdktf/provider-aws/lib/provider");',
      'const sleep_1 = require("@cdktf/provider-time/lib/sleep");',
      'const cdktf_1 = require("cdktf");',
    ].join("\n");
    expect(rewriteToRootImports(code)).toEqual({
      count: 3,
      code: [
        'const sagemaker_model_1 = require("@cdktf/provider-aws").sagemakerModel;',
        'const provider_1 = require("@cdktf/provider-aws").provider;',
        'const sleep_1 = require("@cdktf/provider-time").sleep;',
        'const cdktf_1 = require("cdktf");',
      ].join("\n"),
    });
  });

  it("rewrites CDK Terrain's provider packages too (the project after npm run check:cdktn's swap)", () => {
    expect(rewriteToRootImports('require("@cdktn/provider-aws/lib/sagemaker-endpoint")')).toEqual({
      count: 1,
      code: 'require("@cdktn/provider-aws").sagemakerEndpoint',
    });
  });

  it("names the modules as the package root exports them", () => {
    // Read, not required: loading the root index is the 2,200-module cost the baseline measures.
    const rootIndex = readFileSync(require.resolve("@cdktf/provider-aws/lib/index.js"), "utf8");
    const { code } = rewriteToRootImports(
      'require("@cdktf/provider-aws/lib/data-aws-iam-policy-document")',
    );
    expect(code).toBe('require("@cdktf/provider-aws").dataAwsIamPolicyDocument');
    // cdktf's index: `= require("./<module>")`; CDK Terrain's: `= __importStar(require("./<module>/index"))`.
    expect(rootIndex).toMatch(
      /^exports\.dataAwsIamPolicyDocument = (__importStar\()?require\("\.\/data-aws-iam-policy-document(\/index)?"\)/m,
    );
  });
});

describe("range", () => {
  it("gives the median, minimum and maximum", () => {
    expect(range([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(range([4, 1, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(range([7])).toEqual({ median: 7, min: 7, max: 7 });
  });
});

describe("rows", () => {
  const m = (seconds: number, peakRssMb = 50): Measurement => ({
    label: "x",
    repetitions: 1,
    seconds: { median: seconds, min: seconds, max: seconds },
    peakRssMb: { median: peakRssMb, min: peakRssMb, max: peakRssMb },
  });
  const report = (overrides: Partial<Report>): Report => ({
    date: "d",
    commit: "c",
    mode: "full",
    warmups: 1,
    repetitions: 5,
    machine: { cpu: "cpu", cores: 2, memoryGb: 24, node: "v20", os: "linux" },
    baselineRewrittenImports: 10,
    app: m(0.3, 70),
    appCommandLine: "node scripts/run-typescript.cjs main.ts",
    appCommandFresh: m(0.32),
    appCommandCurrent: m(0.3),
    rootImports: m(3, 550),
    cdktfSynth: m(2.1),
    cdktfFloor: m(2),
    vitest: m(6),
    scale: [
      { endpoints: 100, ...m(0.5) },
      { endpoints: 1000, ...m(4) },
    ],
    ...overrides,
  });
  const verdicts = (r: Report) =>
    Object.fromEntries(
      rows(r)
        .filter((row) => row.met !== undefined)
        .map((row) => [row.figure.trim(), row.met]),
    );

  it("holds each figure to its target", () => {
    expect(verdicts(report({}))).toEqual({
      "a  compiled app (node dist/main.js), every stack": true,
      "a1 / a": true,
      "a2 / a": true,
      "b / a (speed-up)": true,
      "c / floor": true,
      "d  vitest run, whole suite": true,
      "f  1000 endpoint(s)": true,
      "growth 100 -> 1000": true,
    });
  });

  it("reports every missed target", () => {
    expect(
      verdicts(
        report({
          app: m(0.6, 200),
          appCommandFresh: m(0.7),
          appCommandCurrent: m(0.67),
          rootImports: m(1),
          cdktfSynth: m(2.3),
          vitest: m(16),
          scale: [
            { endpoints: 100, ...m(1) },
            { endpoints: 1000, ...m(12) },
          ],
        }),
      ),
    ).toEqual({
      "a  compiled app (node dist/main.js), every stack": false,
      "a1 / a": false,
      "a2 / a": false,
      "b / a (speed-up)": false,
      "c / floor": false,
      "d  vitest run, whole suite": false,
      "f  1000 endpoint(s)": false,
      "growth 100 -> 1000": false,
    });
  });
});
