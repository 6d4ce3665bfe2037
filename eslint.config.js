// One linter for the project: typescript-eslint's recommended rules, React hooks rules, and the
// import directions of the architecture (see README "Layout").
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const react = { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'React belongs in src/ui and src/app only.' };
const zustand = { group: ['zustand', 'zustand/*'], message: 'The store belongs in src/state; wire it in src/app.', allowTypeImports: true };
const upward = (...folders) => ({
  group: folders.map((folder) => `**/${folder}/*`),
  message: `This folder must not import from ${folders.join(', ')} (see README "Layout").`,
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/editor/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [react, zustand, upward('ui', 'state', 'app', 'storage', 'export')] }] },
  },
  {
    files: ['src/quotes/**/*.ts', 'src/proofread/**/*.ts', 'src/changes/**/*.ts', 'src/text/**/*.ts', 'src/timing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [react, zustand, { group: ['../*', '!../quotes', '!../proofread', '!../changes', '!../text'], message: 'Pure modules import nothing of ours but types.', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['src/export/**/*.ts', 'src/storage/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [react, zustand, upward('ui', 'state', 'app')] }] },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [react, upward('ui', 'app')] }] },
  },
);
