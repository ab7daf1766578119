// ESLint with TypeScript type information. Prettier owns the layout (eslint-config-prettier, last,
// turns off every rule it would fight); the rules here guard correctness and the architecture.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** The browser-side code, and the parts of the extension the webview shares, must not depend on the editor. */
const noVscode = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'vscode', message: 'Only src/ui, src/git and src/extension.ts may import vscode: this code runs (and is tested) without the editor.' }] },
  ],
};

export default defineConfig(
  // What .gitignore leaves out (built output, installed tools), and the sample codebase the demo runs on.
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'test-results/', 'sample/'] },

  // Every TypeScript file: the recommended type-checked set.
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The root project holds src, test and scripts; the webview's holds webview/ and its jsdom tests.
        project: ['./tsconfig.json', './webview/tsconfig.json'],
        tsconfigRootDir: root,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Part of the type-checked set already; named here because they matter most in the extension
      // host, where a rejected promise nobody awaits is lost without a trace: every promise is awaited,
      // returned or explicitly `void`ed, and none is passed where a plain callback is expected.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `const { [key]: _dropped, ...rest } = object` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },

  { files: ['src/core/**/*.ts', 'src/providers/**/*.ts', 'src/shared/**/*.ts', 'webview/**/*.ts'], rules: noVscode },

  // Tests and scripts: async stand-ins and helpers keep the promise-returning signature of what
  // they replace or of the callers that await them, even when they have nothing to wait for.
  { files: ['test/**/*.ts', 'scripts/**/*.ts'], rules: { '@typescript-eslint/require-await': 'off' } },

  // Tests read values whose type is unknown on purpose and then assert on them: parsed JSON (the
  // manifest, a queue file as written) and the page's DOM inside Playwright callbacks, whose browser
  // types the Node project does not have.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Plain JavaScript build and test scripts (no tsconfig covers them): the JavaScript rules, on Node.
  {
    files: ['**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },

  prettier,
);
