// Lint rules: typescript-eslint's recommended set on TypeScript 6 (typescript-eslint supports < 6.1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', 'dist/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // `import { type A }` keeps a side-effect import under verbatimModuleSyntax; the bundle differs with it.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-control-regex': 'off',
    },
  },
);
