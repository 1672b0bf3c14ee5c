// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-harness/**', 'node_modules/**', 'coverage/**', 'bench/results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@nestjs/typeorm', message: 'Tenant tables are reached only through UnitOfWork.run (no @InjectRepository).' }],
          patterns: [{ group: ['**/database/database.tokens'], message: 'DataSources belong to libs/platform/src/database; use UnitOfWork or SystemUnitOfWork.' }],
        },
      ],
    },
  },
  {
    // The platform owns the DataSource tokens; tests use them to prove isolation.
    files: ['libs/platform/src/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: '@nestjs/typeorm', message: 'Use UnitOfWork.' }] }] },
  },
  {
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['libs/platform/src/database/**', 'libs/platform/src/outbox/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='getRepository']", message: 'Use tx.repository(Entity) inside UnitOfWork.run.' },
        { selector: "NewExpression[callee.name='DataSource']", message: 'DataSources are created by DatabaseModule only.' },
      ],
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: globals.node, sourceType: 'commonjs' } },
);
