import tseslint from "typescript-eslint";
export default tseslint.config(
  { ignores: ["build/", "data/", "public/", "test-results/", "playwright-report/", "blob-report/", "test-reports/", ".cache/", "tests/.tmp/", "db/migrations/", "tests/fixtures/lint/", "**/*.mjs", "**/*.js", "eslint/**"] },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false, attributes: false } }],
      "@typescript-eslint/return-await": ["error", "in-try-catch"],
      "@typescript-eslint/await-thenable": "error",
    },
  },
);
