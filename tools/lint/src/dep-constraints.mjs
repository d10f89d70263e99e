// Module boundaries as an allowlist for @nx/enforce-module-boundaries: every tag a project carries is listed
// with the tags it may import, and nothing is '*'. boundaries.spec.ts checks both, and lints a fixture project
// that crosses a forbidden edge.

/** Which projects each tag may import. Apps, libraries and tools each have a type and a scope. */
export const DEP_CONSTRAINTS = [
  // Types: apps sit on libraries; tools sit above everything but are never imported by apps or libraries.
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
  // Scopes: the rules engine stands alone and imports no framework; shared libraries build on each other.
  {
    sourceTag: 'scope:rules',
    onlyDependOnLibsWithTags: ['scope:rules'],
    bannedExternalImports: [
      '@nestjs/*',
      'typeorm',
      'react',
      'react-dom',
      '@tarojs/*',
      'bull',
      'mysql2',
      'ioredis',
      'zod',
    ],
  },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // Generated residents for the seed commands, tests and benchmarks: apps may seed, front ends never do.
  { sourceTag: 'scope:seed', onlyDependOnLibsWithTags: ['scope:shared', 'scope:rules'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:rules', 'scope:seed'] },
  { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared', 'scope:rules'] },
  // Nx tags every private npm workspace `npm:private`; all of them are, so the tag constrains nothing new.
  { sourceTag: 'npm:private', onlyDependOnLibsWithTags: ['npm:private'] },
  {
    sourceTag: 'scope:tooling',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:rules', 'scope:seed', 'scope:tooling'],
  },
];
