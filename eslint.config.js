// ESLint runs only the type-aware rules Biome cannot check; everything else is Biome's job.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'apps/web/dist/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    // tsx, which runs the CLI and the server, compiles with esbuild's keepNames: a named function made inside
    // another (`const f = () => …`, a nested `function f`, `{ key: () => … }`) gets its name set with
    // Object.defineProperty every time it is made. In the screening engine that ran per candidate name and cost
    // about a sixth of the queries' CPU (docs/decisions/0102). Module-level functions carry no such cost.
    files: ['packages/core/src/screening/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-fixtures/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: ':function VariableDeclarator > :matches(ArrowFunctionExpression, FunctionExpression)',
          message:
            'A named function made inside a function pays keepNames on every call: make it a module-level function.',
        },
        {
          selector: ':function FunctionDeclaration',
          message: 'A nested function pays keepNames on every call: make it a module-level function.',
        },
        {
          selector: ':function Property > :matches(ArrowFunctionExpression, FunctionExpression)',
          message:
            'A function-valued property made inside a function pays keepNames on every call: make it a module-level function.',
        },
        {
          selector:
            ':function AssignmentExpression[left.type="Identifier"] > :matches(ArrowFunctionExpression, FunctionExpression)',
          message:
            'A named function made inside a function pays keepNames on every call: make it a module-level function.',
        },
      ],
    },
  },
);
