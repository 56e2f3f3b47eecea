// `npm run lint`, the first step of `npm test`: ESLint's and typescript-eslint's recommended rules, and
// the layer order of docs/decisions/020-feature-layers.md (eslint/layers.js). Kept small so that a
// finding is worth fixing; a rule is switched off only where the code means it (with the reason).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import layers from "./eslint/layers.js";

export default tseslint.config(
  {
    ignores: [
      "build/",
      "data/",
      "public/",
      "test-results/",
      "playwright-report/",
      "blob-report/",
      "test-reports/",
      ".cache/",
      "tests/.tmp/",
      "db/migrations/",
      "tests/fixtures/lint/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { layers },
    rules: {
      "layers/layer-order": "error",
      // A leading underscore marks what is left out on purpose (a rest sibling, an unused argument).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      // Conform's own parseWithZod throws on crafted posts; routes read forms with the safe one.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@conform-to/zod",
              importNames: ["parseWithZod"],
              message: "Use parseWithZod from ~/lib/parse-form: conform's own throws on crafted posts.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/modules/**/*.{ts,tsx}", "app/workflows/**/*.{ts,tsx}"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      // A feature never answers in HTTP: it returns a result or throws a Refusal (~/lib/refusal).
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@conform-to/zod",
              importNames: ["parseWithZod"],
              message: "Use parseWithZod from ~/lib/parse-form: conform's own throws on crafted posts.",
            },
          ],
          patterns: [
            {
              group: ["@remix-run/*"],
              message: "A feature never answers in HTTP: return a result or throw a Refusal (~/lib/refusal); the route decides the status.",
            },
          ],
        },
      ],
    },
  },
  {
    // Data access is asynchronous (ADR 027): a query or write not awaited is lost or runs outside its
    // transaction, and an async callback where a value is expected (filter, forEach) silently misleads.
    // These rules need the type checker, so they read the project's types (about half a minute).
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false, attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      // Inside try/catch a returned promise must be awaited, or its failure escapes the catch.
      "@typescript-eslint/return-await": ["error", "in-try-catch"],
    },
  },
);
