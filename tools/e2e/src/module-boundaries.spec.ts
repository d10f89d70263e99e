import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { ESLint } from 'eslint';

/** The boundary rules must actually fire: lint small probe sources as if they lived in each project. */
describe('module boundaries (lint)', () => {
  const root = join(__dirname, '../../..');
  let eslint: ESLint;

  beforeAll(() => {
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
    eslint = new ESLint({ cwd: root });
  });

  const messages = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  };

  it('keeps frameworks out of the rules engine', async () => {
    expect((await messages('libs/rules/src/probe.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n")).join()).toMatch(/not allowed to import "@nestjs\/common"/);
    expect((await messages('libs/rules/src/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n")).join()).toMatch(/react/);
  });

  it('never lets a library or a front end import the API', async () => {
    expect(await messages('libs/contracts/src/probe.ts', "import { x } from '@healthcode/api';\nexport const y = x;\n")).not.toEqual([]);
    expect(await messages('apps/console/src/probe.ts', "import { x } from '@healthcode/api';\nexport const y = x;\n")).not.toEqual([]);
    expect(await messages('apps/miniapp/src/probe.ts', "import { x } from '@healthcode/api';\nexport const y = x;\n")).not.toEqual([]);
  });

  it('allows what the architecture intends', async () => {
    expect(await messages('apps/api/src/probe.ts', "import { evaluate } from '@healthcode/rules';\nexport const y = evaluate;\n")).toEqual([]);
    expect(await messages('apps/console/src/probe.ts', "import { COLORS } from '@healthcode/contracts';\nexport const y = COLORS;\n")).toEqual([]);
  });
});
