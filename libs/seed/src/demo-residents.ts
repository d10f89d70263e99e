import { addDays, cstDate, residentIdCheckDigit } from '@healthcode/contracts';

import { prng } from './prng.util';
import type { SeedResident } from './seed-resident.model';

export type DemoResident = SeedResident;

/** Real districts: Wuhan's Jianghan is high risk, Wenzhou's Lucheng medium, the rest low. */
export const DEMO_RISK_LEVELS = [
  { region: '420103', level: 'high' as const },
  { region: '330302', level: 'medium' as const },
  { region: '33', level: 'low' as const },
];

const DISTRICTS = ['330106', '330102', '330105', '330108', '110101', '110105', '310101', '440106', '320102', '510104'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军'];

function residentId(homeRegion: string, serial: number): string {
  const first17 = `${homeRegion}1985${String((serial % 12) + 1).padStart(2, '0')}${String((serial % 28) + 1).padStart(2, '0')}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckDigit(first17);
}

/**
 * Demo residents of every colour. The dev login for each is `dev-<hostUser>`; `demo` is the one the
 * start-up banner prints (green, so the first screen a visitor sees is the normal case).
 */
export function demoResidents(now: Date, count = 60, seed = 2020): DemoResident[] {
  const rand = prng(seed);
  const today = cstDate(now);
  const out: DemoResident[] = [];
  for (let i = 0; i < count; i++) {
    const home = DISTRICTS[Math.floor(rand() * DISTRICTS.length)];
    const kind =
      i === 0 ? 'green' : i % 5 === 1 ? 'red' : i % 5 === 2 ? 'yellow-stay' : i % 5 === 3 ? 'yellow-symptom' : 'green';
    const stays =
      kind === 'red'
        ? [{ region: '420103', from: addDays(today, -8), to: addDays(today, -4) }]
        : kind === 'yellow-stay'
          ? [{ region: '330302', from: addDays(today, -6), to: addDays(today, -2) }]
          : [{ region: home, from: addDays(today, -20), to: addDays(today, -10) }];
    out.push({
      hostUser: i === 0 ? 'demo' : `demo${i}`,
      name: SURNAMES[Math.floor(rand() * 10)] + GIVEN[Math.floor(rand() * 10)],
      idNumber: residentId(home, 100 + i),
      phone: `138${String(10_000_000 + Math.floor(rand() * 89_999_999)).slice(0, 8)}`,
      homeRegion: home,
      currentRegion: DISTRICTS[Math.floor(rand() * 4)],
      stays,
      symptoms: kind === 'yellow-symptom' ? [{ symptom: 'fever', onset: addDays(today, -1) }] : [],
    });
  }
  return out;
}
