import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['tmp/**', '.scratch*', '.scratch*/**', 'server/graphql/__generated__/**', 'server/kernel/__generated__/**', 'dist/**', '.data/**', 'neo4j/lib/**', 'node_modules/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='run'] > TemplateLiteral[expressions.length>0]",
          message: 'Cypher must be parameterised: load it from cypher/ and pass values as parameters.',
        },
      ],
    },
  },
  {
    // Type-aware, on the server only: a promise nobody awaits is an audit record answered before it
    // is durable, or an error nobody sees (the audit spool promises durability only to awaiters).
    files: ['server/**/*.ts', 'neo4j/**/*.ts', 'bin/**/*.ts', 'seed/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
);
