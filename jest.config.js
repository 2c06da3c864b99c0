const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// One config, three suites chosen by TEST_TYPE (see scripts/test.mjs).
const SUITES = {
  unit: [
    "<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s",
    "<rootDir>/scripts/**/__tests__/**/*.unit.spec.[jt]s",
    // The storefront's pure helpers (its pages are covered by the browser suite).
    "<rootDir>/storefront/app/**/*.unit.spec.ts",
  ],
  "integration:modules": ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]s$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.maart/", "<rootDir>/storefront/(build|\\.serve)/"],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch: SUITES[process.env.TEST_TYPE] ?? Object.values(SUITES).flat(),
  testPathIgnorePatterns: process.env.TEST_TYPE === "integration:modules" ? ["\\.unit\\.spec\\."] : [],
  // A worker above this after a test file is replaced by a fresh one (see scripts/test.mjs).
  workerIdleMemoryLimit: "1GB",
}
