import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  outdatedDiagramFiles,
  readSynthesizedStacks,
  writeDiagrams,
} from "../../../scripts/diagrams/diagram-files";
import { diagramFiles, README_BEGIN, README_END } from "../../../scripts/diagrams/documents";
import { defineStacks } from "../../../stacks/app";
import { crossStackInputs, projectDiagramInputs } from "../../helpers/diagrams";

const README = `# Project\n\n${README_BEGIN}\n${README_END}\n`;

describe("readSynthesizedStacks", () => {
  it("reads cdktf.out like the tests read the app in memory, so npm run diagram and the drift test agree", () => {
    const app = Testing.app();
    defineStacks(app);
    app.synth();
    const fromDisk = readSynthesizedStacks(app.outdir);
    const inMemory = projectDiagramInputs();
    const stacksAndDependencies = (inputs: typeof fromDisk) =>
      inputs.map(({ name, dependencies }) => [name, dependencies]).sort();
    expect(stacksAndDependencies(fromDisk)).toEqual(stacksAndDependencies(inMemory));
    expect(stacksAndDependencies(fromDisk)).toContainEqual(["sagemaker-serverless", ["iam"]]);
    expect(diagramFiles(fromDisk, README)).toEqual(diagramFiles(inMemory, README));
  });

  it("says to synthesize first when there is no manifest", () => {
    const empty = mkdtempSync(join(tmpdir(), "empty-outdir-"));
    expect(() => readSynthesizedStacks(empty)).toThrowError(
      `${join(empty, "manifest.json")} does not exist: run \`npm run synth\` first.`,
    );
  });
});

describe("writeDiagrams", () => {
  const { consumer, producer } = crossStackInputs();

  it("writes the diagrams and the README section, deletes those of removed stacks, and reports changes", () => {
    const root = mkdtempSync(join(tmpdir(), "diagram-project-"));
    writeFileSync(join(root, "README.md"), README);
    mkdirSync(join(root, "docs/diagrams"), { recursive: true });
    writeFileSync(join(root, "docs/diagrams/removed.md"), "# Stack `removed`\n");

    expect(writeDiagrams(root, [consumer, producer])).toEqual([
      "docs/diagrams/consumer.md",
      "docs/diagrams/producer.md",
      "docs/diagrams/overview.md",
      "README.md",
      "docs/diagrams/removed.md",
    ]);
    const files = diagramFiles([consumer, producer], README);
    for (const [path, content] of Object.entries(files)) {
      expect(readFileSync(join(root, path), "utf8")).toEqual(content);
    }
    expect(existsSync(join(root, "docs/diagrams/removed.md"))).toBe(false);
    expect(outdatedDiagramFiles(root, files)).toEqual([]);

    expect(writeDiagrams(root, [consumer, producer])).toEqual([]);
  });
});

describe("outdatedDiagramFiles", () => {
  const { consumer, producer } = crossStackInputs();
  const files = diagramFiles([consumer, producer], README);

  it("lists files that differ, are missing or belong to no stack", () => {
    const root = mkdtempSync(join(tmpdir(), "diagram-project-"));
    writeFileSync(join(root, "README.md"), README);
    writeDiagrams(root, [consumer, producer]);
    expect(outdatedDiagramFiles(root, files)).toEqual([]);

    writeFileSync(join(root, "docs/diagrams/producer.md"), "# edited by hand\n");
    rmSync(join(root, "docs/diagrams/overview.md"));
    writeFileSync(join(root, "README.md"), README);
    writeFileSync(join(root, "docs/diagrams/removed.md"), "# Stack `removed`\n");
    expect(outdatedDiagramFiles(root, files)).toEqual([
      "docs/diagrams/producer.md",
      "docs/diagrams/overview.md",
      "README.md",
      "docs/diagrams/removed.md",
    ]);
  });
});
