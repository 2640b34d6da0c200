/**
 * The iris sample's handlers, from the committed archive (what the stack uploads), run by the local python3 as the
 * scikit-learn image runs them (serve.py): the recipe's request and answer, and the requests they refuse.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { python3 } from "../helpers/python";

const ARCHIVE = "sample-model/model.tar.gz";
const SERVE = join(__dirname, "serve.py");
const JSON_TYPE = "application/json";
const FEATURES = "sepal length, sepal width, petal length, petal width";
const EXAMPLE = '{"instances": [[5.1, 3.5, 1.4, 0.2]]}';

interface Request {
  readonly body: string;
  readonly content_type?: string;
  readonly accept?: string;
  /** Send the body as bytes (what a non-UTF-8 content type gets) instead of text. */
  readonly bytes?: boolean;
  /** The body is base64: send its bytes. */
  readonly base64?: boolean;
}

type Response =
  | { readonly body: string; readonly content_type: string }
  | {
      readonly error: string;
      readonly bases: string[];
      readonly status: number;
      readonly message: string;
    };

/** Each request's response, in one python3 run (a run costs more than all the requests). */
function serve(requests: readonly Request[], env: Record<string, string> = {}): Response[] {
  const input = JSON.stringify(
    requests.map((r) => ({ content_type: JSON_TYPE, accept: JSON_TYPE, ...r })),
  );
  const { stdout } = python3([SERVE, ARCHIVE], { input, env });
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Response);
}

function refusal(status: number, message: string): Response {
  return {
    error: "RequestError",
    bases: ["builtins.ValueError", "builtins.Exception"],
    status,
    message,
  };
}

/** The recipe's test payload (its README's test_payload.json). */
const RECIPE_PAYLOAD = JSON.stringify({
  instances: [
    [5.1, 3.5, 1.4, 0.2],
    [6.7, 3.1, 4.4, 1.4],
    [6.3, 3.3, 6.0, 2.5],
  ],
});

const ONE = '{"instances": [[5.9, 3.0, 5.1, 1.8]]}';

/** The requests of the tests below, by name, served in one run. */
const REQUESTS = {
  recipe: [{ body: RECIPE_PAYLOAD }],
  bodies: [
    { body: ONE, bytes: true },
    { body: ONE, content_type: "application/json; charset=utf-8", bytes: true },
    { body: ONE, accept: "*/*" },
    { body: ONE, accept: "" },
    { body: ONE, accept: "text/html, application/json;q=0.9" },
  ],
  csv: [{ body: "5.1,3.5,1.4,0.2", content_type: "text/csv" }],
  noInstances: [
    { body: '{"instances": []}' },
    { body: "[[5.1, 3.5, 1.4, 0.2]]" },
    { body: '{"instances": {"a": 1}}' },
  ],
  badInstances: [
    { body: '{"instances": [[5.1, 3.5, 1.4, 0.2], [6.7, 3.1, 4.4]]}' },
    { body: '{"instances": [[5.1, "3.5", true, null], 4.9, [1, 2, 3, 4, 5]]}' },
    { body: '{"instances": [[NaN, Infinity, 1e999, 1]]}' },
  ],
  manyProblems: [{ body: JSON.stringify({ instances: Array.from({ length: 8 }, () => [1, 2]) }) }],
  notJson: [
    { body: "instances=5.1,3.5" },
    { body: Buffer.from([0x7b, 0xff, 0x7d]).toString("base64"), base64: true },
  ],
  accept: [{ body: RECIPE_PAYLOAD, accept: "text/csv" }],
} satisfies Record<string, Request[]>;

const responses = (() => {
  const names = Object.keys(REQUESTS) as (keyof typeof REQUESTS)[];
  const all = serve(names.flatMap((name) => REQUESTS[name]));
  let next = 0;
  return Object.fromEntries(
    names.map((name) => [name, all.slice(next, (next += REQUESTS[name].length))]),
  ) as Record<keyof typeof REQUESTS, Response[]>;
})();

describe("the iris sample's handlers", () => {
  it("answer the recipe's request in the recipe's shape: class, index, probabilities", () => {
    const [response] = responses.recipe;
    expect(response).toEqual({ body: expect.any(String), content_type: JSON_TYPE });
    // Rows 1, 66 and 101 of the iris data: a setosa, a versicolor, a virginica.
    expect(JSON.parse((response as { body: string }).body)).toEqual({
      predictions: [
        {
          predicted_class: "setosa",
          predicted_class_index: 0,
          probabilities: { setosa: 1.0, versicolor: 0.0, virginica: 0.0 },
        },
        {
          predicted_class: "versicolor",
          predicted_class_index: 1,
          probabilities: { setosa: 0.0, versicolor: 0.999965, virginica: 3.5e-5 },
        },
        {
          predicted_class: "virginica",
          predicted_class_index: 2,
          probabilities: { setosa: 0.0, versicolor: 0.0, virginica: 1.0 },
        },
      ],
    });
    expect((response as { body: string }).body).toBe(
      '{"predictions": [{"predicted_class": "setosa", "predicted_class_index": 0, "probabilities": {"setosa": 1.0, "versicolor": 0.0, "virginica": 0.0}}, ' +
        '{"predicted_class": "versicolor", "predicted_class_index": 1, "probabilities": {"setosa": 0.0, "versicolor": 0.999965, "virginica": 3.5e-05}}, ' +
        '{"predicted_class": "virginica", "predicted_class_index": 2, "probabilities": {"setosa": 0.0, "versicolor": 0.0, "virginica": 1.0}}]}',
    );
  });

  it("answer what docs/first-deployment.md shows as the expected output of the recipe's test", () => {
    const doc = readFileSync("docs/first-deployment.md", "utf8");
    const expected = /Expected output[^\n]*\n\n```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(JSON.parse(expected ?? "null")).toEqual(
      JSON.parse((responses.recipe[0] as { body: string }).body),
    );
  });

  it("read the body as text or bytes, with a charset, and answer any Accept that takes JSON", () => {
    const expected = {
      body: '{"predictions": [{"predicted_class": "virginica", "predicted_class_index": 2, "probabilities": {"setosa": 0.0, "versicolor": 0.016181, "virginica": 0.983819}}]}',
      content_type: JSON_TYPE,
    };
    expect(responses.bodies).toEqual([expected, expected, expected, expected, expected]);
  });

  it("refuse a content type other than JSON with 415", () => {
    expect(responses.csv).toEqual([
      refusal(
        415,
        `Content type 'text/csv' is not supported: send application/json, e.g. ${EXAMPLE}`,
      ),
    ]);
  });

  it("refuse empty instances, and a request without them", () => {
    expect(responses.noInstances).toEqual([
      refusal(400, `"instances" is empty: send at least one [${FEATURES}] in cm, e.g. ${EXAMPLE}`),
      refusal(
        400,
        `The request must be a JSON object with "instances", a list of [${FEATURES}] in cm, e.g. ${EXAMPLE}`,
      ),
      refusal(400, `"instances" must be a list of [${FEATURES}] in cm, e.g. ${EXAMPLE}`),
    ]);
  });

  it("refuse a wrong feature count and values that are not finite numbers, naming each", () => {
    expect(responses.badInstances).toEqual([
      refusal(400, `instances[1] has 3 features; each instance needs 4: ${FEATURES} (cm).`),
      refusal(
        400,
        'instances[0][1] (sepal width) is "3.5", not a finite number; ' +
          "instances[0][2] (petal length) is true, not a finite number; " +
          "instances[0][3] (petal width) is null, not a finite number; " +
          "instances[1] is 4.9, not a list of 4 numbers; " +
          `instances[2] has 5 features; each instance needs 4: ${FEATURES} (cm).`,
      ),
      refusal(
        400,
        "instances[0][0] (sepal length) is NaN, not a finite number; " +
          "instances[0][1] (sepal width) is Infinity, not a finite number; " +
          "instances[0][2] (petal length) is Infinity, not a finite number.",
      ),
    ]);
  });

  it("list at most five problems, and count the others", () => {
    const listed = Array.from(
      { length: 5 },
      (_, i) => `instances[${i}] has 2 features; each instance needs 4: ${FEATURES} (cm)`,
    );
    expect(responses.manyProblems).toEqual([refusal(400, `${listed.join("; ")} (and 3 more).`)]);
  });

  it("refuse a body that is not JSON or not UTF-8", () => {
    expect(responses.notJson).toEqual([
      refusal(
        400,
        "The request body is not valid JSON: Expecting value: line 1 column 1 (char 0).",
      ),
      refusal(
        400,
        "The request body is not UTF-8: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte.",
      ),
    ]);
  });

  it("refuse an Accept without JSON with 406", () => {
    expect(responses.accept).toEqual([
      refusal(406, "Accept 'text/csv' is not supported: this model answers application/json."),
    ]);
  });
});

describe("the iris sample's errors in the serving image", () => {
  it("are the inference toolkit's GenericInferenceToolkitError, which the toolkit answers with their status", () => {
    // The toolkit's errors.py, as aws/sagemaker-inference-toolkit defines the two classes the handlers use.
    const site = mkdtempSync(join(tmpdir(), "site-"));
    mkdirSync(join(site, "sagemaker_inference"));
    writeFileSync(join(site, "sagemaker_inference", "__init__.py"), "");
    writeFileSync(
      join(site, "sagemaker_inference", "errors.py"),
      [
        "class BaseInferenceToolkitError(Exception):",
        "    def __init__(self, status_code, message, phrase):",
        "        self.status_code = status_code",
        "        self.message = message",
        "        self.phrase = phrase",
        "        super(BaseInferenceToolkitError, self).__init__(status_code, message, phrase)",
        "",
        "class GenericInferenceToolkitError(BaseInferenceToolkitError):",
        "    def __init__(self, status_code, message=None, phrase=None):",
        '        message = message or "Invalid Request"',
        "        phrase = phrase or message",
        "        super(GenericInferenceToolkitError, self).__init__(status_code, message, phrase)",
        "",
      ].join("\n"),
    );
    expect(serve([{ body: '{"instances": []}' }], { PYTHONPATH: site })).toEqual([
      {
        error: "RequestError",
        bases: [
          "sagemaker_inference.errors.GenericInferenceToolkitError",
          "sagemaker_inference.errors.BaseInferenceToolkitError",
          "builtins.Exception",
        ],
        status: 400,
        message: `"instances" is empty: send at least one [${FEATURES}] in cm, e.g. ${EXAMPLE}`,
      },
    ]);
  });
});

describe("the iris sample's handler file", () => {
  it("parses as Python 3.8 (the 1.2-1 scikit-learn image runs 3.9)", () => {
    const source = readFileSync("sample-model/model/code/inference.py", "utf8");
    expect(
      python3(
        ["-c", "import ast, sys; ast.parse(sys.stdin.read(), feature_version=(3, 8)); print('ok')"],
        {
          input: source,
        },
      ).stdout,
    ).toBe("ok\n");
  });
});
