/**
 * The iris sample's data and training: Fisher's 150 rows, byte for byte scikit-learn's copy, and a training run
 * that gives back the committed model.json exactly.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { python3 } from "../helpers/python";

const DATA = "sample-model/data/iris.csv";
const MODEL = "sample-model/model/model.json";

describe("the iris data", () => {
  const data = readFileSync(DATA);
  const lines = data.toString("ascii").split("\r\n");

  it("are scikit-learn's sklearn/datasets/data/iris.csv, byte for byte", () => {
    expect(data.length).toBe(2885);
    expect(createHash("sha256").update(data).digest("hex")).toBe(
      "f9e3809b56cc0f2f2f69554b7a0ea04e94d0e2c21343c86593eaf5581551dab6",
    );
  });

  it("hold Fisher's 150 rows, 50 of each species, with his values where the UCI copy has errors", () => {
    expect(lines[0]).toBe("150,4,setosa,versicolor,virginica");
    const rows = lines.slice(1, -1);
    expect(lines.at(-1)).toBe("");
    expect(rows).toHaveLength(150);
    expect(
      [0, 1, 2].map((label) => rows.filter((row) => row.endsWith(`,${label}`)).length),
    ).toEqual([50, 50, 50]);
    // UCI's iris.data has 4.9,3.1,1.5,0.1 for both; its iris.names gives Fisher's values.
    expect(rows[34]).toBe("4.9,3.1,1.5,0.2,0");
    expect(rows[37]).toBe("4.9,3.6,1.4,0.1,0");
  });
});

describe("training the iris sample", () => {
  const output = join(mkdtempSync(join(tmpdir(), "train-")), "model.json");
  const { stdout } = python3(["sample-model/train.py", "--output", output]);
  const model = JSON.parse(readFileSync(MODEL, "utf8")) as {
    classes: string[];
    training: Record<string, unknown>;
  };

  it("reproduces the committed model.json byte for byte", () => {
    expect(readFileSync(output, "utf8")).toBe(readFileSync(MODEL, "utf8"));
  });

  it("classifies 147 of the 150 rows right, as linear discriminant analysis of the iris data does", () => {
    expect(stdout).toBe(`training accuracy: 147 of 150 rows (98.00 %); wrote ${output}\n`);
    expect(model.classes).toEqual(["setosa", "versicolor", "virginica"]);
    expect(model.training).toEqual({
      data: "data/iris.csv",
      data_sha256: "f9e3809b56cc0f2f2f69554b7a0ea04e94d0e2c21343c86593eaf5581551dab6",
      rows: 150,
      correct: 147,
      accuracy: 0.98,
    });
  });
});
