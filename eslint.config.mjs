// @ts-check
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "cdktf.out/", "coverage/", ".cdktf-app/"] },
  eslint.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@cdktf/provider-aws",
              message:
                "Import each resource from '@cdktf/provider-aws/lib/<resource>': the package root loads ~2,200 modules (10x slower synth and tests).",
            },
            {
              name: "@cdktf/provider-time",
              message: "Import each resource from '@cdktf/provider-time/lib/<resource>'.",
            },
          ],
        },
      ],
    },
  },
  {
    // Plain CommonJS run by Node.js before anything is compiled (scripts/run-typescript.cjs).
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", process: "readonly", __dirname: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["__tests__/**/*.ts"],
    rules: {
      // Skipped or focused tests must never land.
      "no-restricted-properties": [
        "error",
        { object: "it", property: "skip", message: "No skipped tests." },
        { object: "it", property: "only", message: "No focused tests." },
        { object: "describe", property: "skip", message: "No skipped tests." },
        { object: "describe", property: "only", message: "No focused tests." },
        { object: "test", property: "skip", message: "No skipped tests." },
        { object: "it", property: "todo", message: "No placeholder tests." },
      ],
    },
  },
);
