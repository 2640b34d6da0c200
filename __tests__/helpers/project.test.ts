/**
 * The shared build of the project's app (project.ts): built once per worker, as `main.ts` builds it, frozen, and
 * holding the same JSON the tests of a single stack get from `Testing.synth`.
 */
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { synthProject } from "./project";

describe("synthProject", () => {
  const project = synthProject();

  it("returns the same build on every call (once per worker)", () => {
    expect(synthProject()).toBe(project);
  });

  it("has every stack of the app, written as cdktf synth writes it (its metadata in `//`)", () => {
    expect(Object.keys(project.files)).toEqual([
      "iam",
      "ml-module",
      "sagemaker-provisioned",
      "sagemaker-serverless",
    ]);
    for (const [id, text] of Object.entries(project.files)) {
      const written = JSON.parse(text) as { "//": { metadata: { stackName: string } } };
      expect(written["//"].metadata.stackName).toBe(id);
    }
  });

  it("gives each stack's JSON as Testing.synth does: no metadata, the keys in the same order", () => {
    for (const stack of Object.values(project.stacks)) {
      const text = Testing.synth(stack);
      expect(JSON.stringify(project.json[stack.node.id])).toBe(JSON.stringify(JSON.parse(text)));
    }
  });

  it("is frozen all the way down, so no test can change what the next one reads", () => {
    const model = project.json["sagemaker-provisioned"]!.resource!.aws_sagemaker_model!.ml_model!;
    expect(() => {
      model.name = "changed";
    }).toThrow(TypeError);
    expect(() => {
      (project.json as Record<string, unknown>).iam = {};
    }).toThrow(TypeError);
    expect(() => {
      (project.files as Record<string, string>).iam = "{}";
    }).toThrow(TypeError);
    expect(() => {
      (project.manifest.stacks.iam!.dependencies as string[]).push("ml-module");
    }).toThrow(TypeError);
    expect(project.json.iam).toBeDefined();
  });
});
