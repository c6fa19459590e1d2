// One lint configuration for the whole project; formatting is Prettier's, so its rules are off here.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // What .gitignore leaves out, and the generated migrations.
  { ignores: ['dist/', 'release/', 'reports/', 'test-results/', '.cache/', 'tmp/', 'db/migrations/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // An unused name is a leftover; a leading underscore marks one kept on purpose (a dropped key).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // An empty interface named …Register is filled by declaration merging from a higher layer (handler-types).
      '@typescript-eslint/no-empty-object-type': ['error', { allowWithName: 'Register$' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Control characters in a pattern are the point where the app refuses or strips them (plain text, iCalendar,
      // imports, the scrubber); an accidental one in any other pattern would fail its own tests.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  prettier,
);
