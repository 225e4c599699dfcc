// ESLint runs only the type-aware rules Biome cannot check; everything else is Biome's job.
import tseslint from 'typescript-eslint';

const FN = ':matches(ArrowFunctionExpression, FunctionExpression)';

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
        ...[
          `:function VariableDeclarator[id.type="Identifier"] > ${FN}`,
          ':function FunctionDeclaration',
          `:function Property[method=false][kind="init"][computed=false] > ${FN}`,
          `:function AssignmentExpression[left.type="Identifier"] > ${FN}`,
          // the same behind a type assertion: `const f = (() => …) as F`
          `:function :matches(VariableDeclarator[id.type="Identifier"], AssignmentExpression[left.type="Identifier"], Property[computed=false]) > :matches(TSAsExpression, TSSatisfiesExpression, TSNonNullExpression, TSTypeAssertion) > ${FN}`,
          // destructuring defaults: `const { f = () => … } = o`
          `:function :matches(ObjectPattern > Property, ArrayPattern) > AssignmentPattern > ${FN}`,
          ':function FunctionExpression[id]',
          // a class made inside a function names itself each time; a function-valued field, once per instance
          ':function :matches(ClassDeclaration, ClassExpression)',
          `PropertyDefinition[static=false] > ${FN}`,
          `PropertyDefinition[static=false] Property[method=false][kind="init"][computed=false] > ${FN}`,
        ].map((selector) => ({
          selector,
          message:
            'tsx (keepNames) names this function with Object.defineProperty each time it is made: make it a module-level function or a method.',
        })),
      ],
    },
  },
);
