/**
 * The committed diagrams are what the current code generates: the drift check.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outdatedDiagramFiles } from "../../scripts/diagrams/diagram-files";
import { diagramFiles, README_FILE } from "../../scripts/diagrams/documents";
import { projectDiagramInputs } from "../helpers/diagrams";

const root = process.cwd();

describe("the committed diagrams", () => {
  const expected = diagramFiles(
    projectDiagramInputs(),
    readFileSync(join(root, README_FILE), "utf8"),
  );

  it("are what the current code generates", () => {
    const outdated = outdatedDiagramFiles(root, expected);
    expect(
      outdated,
      `Diagrams out of date: ${outdated.join(", ")}. Run \`npm run diagram\` and commit the result.`,
    ).toEqual([]);
  });
});
