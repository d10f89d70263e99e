import { addDays, cstDate, residentIdCheckDigit } from '@healthcode/contracts';

import { prng } from './prng.util';
import type { SeedResident } from './seed-resident.model';

export type BulkResident = SeedResident;

/** Real districts (GB/T 2260) across several provinces; Hangzhou's urban districts first. */
export const HANGZHOU_DISTRICTS = ['330102', '330105', '330106', '330108', '330109', '330110'];
const OTHER_DISTRICTS = [
  '110101',
  '110105',
  '110108',
  '310101',
  '310104',
  '310115',
  '320102',
  '320106',
  '320505',
  '440103',
  '440106',
  '440305',
  '510104',
  '510107',
  '330203',
  '330212',
  '330302',
  '330402',
  '330602',
  '350203',
  '370102',
  '420106',
  '430102',
  '610113',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞'];

/** Risk levels the bulk data set is scored against: Wuhan Jianghan high, Wenzhou Lucheng and all of Hangzhou medium. */
export const BULK_RISK_LEVELS = [
  { region: '420103', level: 'high' as const },
  { region: '330302', level: 'medium' as const },
  { region: '3301', level: 'medium' as const },
];

/**
 * `count` residents, deterministic for a seed, generated lazily (a million never sit in memory at once).
 * About 30% are currently in a Hangzhou district (medium risk): green under the default rules, which ignore
 * the current region for medium risk, and yellow once a rule set counts it: the benchmark's "flip".
 * A few percent carry a high-risk stay (red), a medium-risk stay or a symptom (yellow).
 */
export function* bulkResidents(now: Date, count: number, seed = 2020, offset = 0): Generator<BulkResident> {
  const today = cstDate(now);
  for (let i = offset; i < offset + count; i++) {
    const rand = prng(seed * 1_000_003 + i);
    const home = OTHER_DISTRICTS[Math.floor(rand() * OTHER_DISTRICTS.length)];
    const inHangzhou = rand() < 0.3;
    const current = inHangzhou ? HANGZHOU_DISTRICTS[Math.floor(rand() * HANGZHOU_DISTRICTS.length)] : home;
    const roll = rand();
    const stays =
      roll < 0.03
        ? [{ region: '420103', from: addDays(today, -9), to: addDays(today, -5) }]
        : roll < 0.06
          ? [{ region: '330302', from: addDays(today, -6), to: addDays(today, -2) }]
          : [{ region: home, from: addDays(today, -30), to: addDays(today, -16) }];
    const symptoms = rand() < 0.03 ? [{ symptom: 'fever', onset: addDays(today, -1) }] : [];
    // Unique per index below 20 million: a birth day in 1950–2004 and a three-digit serial.
    const birth = new Date(Date.UTC(1950, 0, 1) + (i % 20_000) * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, '');
    const first17 = `${home}${birth}${String(Math.floor(i / 20_000) % 1000).padStart(3, '0')}`;
    yield {
      hostUser: `bulk${i}`,
      name: SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)],
      idNumber: first17 + residentIdCheckDigit(first17),
      phone: `139${String(10_000_000 + ((i * 7919) % 89_999_999)).slice(0, 8)}`,
      homeRegion: home,
      currentRegion: current,
      stays,
      symptoms,
    };
  }
}
