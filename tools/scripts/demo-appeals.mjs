// Demo data that needs the running API: a few red demo residents file appeals through the same public
// resident API the mini-program uses, so the console's workbench has open cases. Idempotent: a reason that
// already has an open appeal answers 409 and is left alone.
const DEMO_APPELLANTS = [
  {
    user: 'demo1',
    category: 'wrong-region',
    statement:
      '我那几天在杭州出差，没有去过武汉，行程申报填错了地区。I was in Hangzhou on business and never went to Wuhan; I picked the wrong region.',
  },
  {
    user: 'demo6',
    category: 'data-error',
    statement:
      '我的火车票是改签前的车次，实际没有乘坐。The train booking was changed before departure; I never took that train.',
  },
  {
    user: 'demo11',
    category: 'other',
    statement: '我已经在家隔离，请问能否提前转码？I have been isolating at home; can my code turn green earlier?',
  },
];

function factDate(fact) {
  for (const key of ['date', 'from', 'onset', 'until']) if (typeof fact[key] === 'string') return fact[key];
  return undefined;
}

async function json(res) {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

/** Returns how many appeals are open for the demo appellants (new or already there). */
export async function seedDemoAppeals(base) {
  let open = 0;
  for (const a of DEMO_APPELLANTS) {
    const login = await fetch(`${base}/api/v1/auth/host-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'dev', code: `dev-${a.user}` }),
    });
    if (!login.ok) continue;
    const { accessToken } = await json(login);
    const auth = { authorization: `Bearer ${accessToken}` };
    const code = await json(await fetch(`${base}/api/v1/me/code`, { headers: auth }));
    const reason = (code.reasons ?? []).find((r) => r.color !== 'green');
    if (!reason) continue;
    const body = { ruleId: reason.ruleId, factKind: reason.fact.kind, category: a.category, statement: a.statement };
    if (typeof reason.fact.ref === 'string') body.factRef = reason.fact.ref;
    if (factDate(reason.fact)) body.factDate = factDate(reason.fact);
    const res = await fetch(`${base}/api/v1/me/appeals`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.ok || res.status === 409) open++;
    else console.warn(`[healthcode] demo appeal for ${a.user} not filed: ${(await json(res)).message}`);
  }
  return open;
}
