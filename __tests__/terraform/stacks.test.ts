/**
 * Terraform itself evaluates every stack of `defineStacks`: the stand-in of each (scripts/terraform/stand-in.ts)
 * is planned offline with the defaults, with each case of its table (__tests__/terraform/cases), and, where the
 * table lists moves, against a state at the old addresses. A stack added to `defineStacks` is planned here too;
 * without a table of its own its tests fail, saying what to add.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfflineTerraform } from "../../scripts/terraform/offline-terraform";
import { projectWorkspaces } from "../../scripts/terraform/project-stand-ins";
import type { StandInWorkspace } from "../../scripts/terraform/stand-in-plans";
import {
  caseProblems,
  defaultPlanProblems,
  moveProblems,
  type StackCases,
} from "../../scripts/terraform/terraform-cases";
import { synthProject } from "../helpers/project";
import { TERRAFORM_CASES } from "./cases";

const project = synthProject();
const stackNames = Object.keys(project.json);
const terraform = new OfflineTerraform();
let workspaces: Map<string, StandInWorkspace>;

const NO_CASES: StackCases = { resources: -1, outputs: {}, cases: [] };

beforeAll(async () => {
  workspaces = await projectWorkspaces(
    terraform,
    stackNames.map((name) => ({
      name,
      configuration: project.json[name]!,
      required: TERRAFORM_CASES[name]?.required ?? {},
    })),
  );
});

afterAll(() => {
  for (const workspace of workspaces?.values() ?? []) workspace.dispose();
  terraform.dispose();
});

describe.each(stackNames)("stack %s, planned by Terraform", (name) => {
  const cases = TERRAFORM_CASES[name] ?? NO_CASES;
  const workspace = () => workspaces.get(name)!;

  it("has a table of Terraform cases", () => {
    expect(
      TERRAFORM_CASES[name],
      `add the Terraform cases of stack ${name} to __tests__/terraform/cases`,
    ).toBeDefined();
  });

  it.concurrent("plans with the defaults: the resources, and every output's value", async () => {
    expect(await defaultPlanProblems(workspace(), cases)).toEqual([]);
  });

  if (cases.moves) {
    const moves = cases.moves;
    it.concurrent(
      "plans moves, not destroy and create, from a state at the old addresses",
      async () => {
        expect(await moveProblems(workspace(), cases, moves)).toEqual([]);
      },
    );
  }

  it.concurrent.each(cases.cases.map((testCase) => [testCase.name, testCase] as const))(
    "%s",
    async (_, testCase) => {
      expect(await caseProblems(workspace(), cases, testCase)).toEqual([]);
    },
  );
});
