import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The boundary rules must actually fire: lint small probe sources as if they lived in each project. */
describe('module boundaries (lint)', () => {
  const root = join(__dirname, '../../..');
  beforeAll(() => {
    // The rule reads Nx's cached project graph; `nx graph` writes it.
    execFileSync('npx', ['nx', 'graph', `--file=${join(root, '.nx/graph.json')}`], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
  });

  /** Lints `code` as if it were the file at `file`, through the real ESLint CLI and config. */
  const messages = async (file: string, code: string): Promise<string[]> => {
    const res = spawnSync('npx', ['eslint', '--format', 'json', '--stdin', '--stdin-filename', join(root, file)], {
      cwd: root,
      input: code,
      encoding: 'utf8',
    });
    const [result] = JSON.parse(res.stdout) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  };

  it('keeps frameworks out of the rules engine', async () => {
    expect(
      (
        await messages(
          'libs/rules/src/probe.ts',
          "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
        )
      ).join(),
    ).toMatch(/not allowed to import "@nestjs\/common"/);
    expect(
      (
        await messages('libs/rules/src/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n")
      ).join(),
    ).toMatch(/react/);
  });

  it('never lets a library or a front end import the API', async () => {
    expect(
      await messages('libs/contracts/src/probe.ts', "import { x } from '@healthcode/api';\nexport const y = x;\n"),
    ).not.toEqual([]);
    expect(
      await messages('apps/console/src/probe.ts', "import { x } from '@healthcode/api';\nexport const y = x;\n"),
    ).not.toEqual([]);
    expect(
      await messages('apps/miniapp/src/probe.ts', "import { x } from '@healthcode/api';\nexport const y = x;\n"),
    ).not.toEqual([]);
  });

  it('allows what the architecture intends', async () => {
    expect(
      await messages(
        'apps/api/src/probe.ts',
        "import { evaluate } from '@healthcode/rules';\nexport const y = evaluate;\n",
      ),
    ).toEqual([]);
    expect(
      await messages(
        'apps/console/src/probe.ts',
        "import { COLORS } from '@healthcode/contracts';\nexport const y = COLORS;\n",
      ),
    ).toEqual([]);
  });
});
