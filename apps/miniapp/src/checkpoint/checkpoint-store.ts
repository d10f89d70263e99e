import type { StaffIdentity } from '@healthcode/contracts';
import type { JSONWebKeySet } from '@healthcode/qr-token';
import Taro from '@tarojs/taro';
import { clock } from '../services/clock';

const STAFF_KEY = 'hc.checkpoint.staff';
const DEVICE_KEY = 'hc.checkpoint.device';
const JWKS_KEY = 'hc.checkpoint.jwks';

/** Who enabled checkpoint mode on this device. The token itself is not kept: scanning uses the device credential. */
export interface CheckpointOperator {
  username: string;
  displayName: string;
  signedInAt: string;
}

/** The checkpoint this device scans for and its credential (`Device <id>.<secret>`), issued in the console. */
export interface DeviceSettings {
  checkpointId: string;
  authorization: string;
}

export interface CachedJwks {
  jwks: JSONWebKeySet;
  fetchedAt: string;
  /**
   * The deployment's trust list (compact JWS signed with a key of `jwks`): which peer issuers' codes verify
   * offline. Absent on caches from before mutual recognition: then only own codes verify.
   */
  trustList?: string;
  /** When the trust list was signed (ISO; read from it for display, its signature is checked at each scan). */
  trustListIssuedAt?: string;
  /**
   * The printed cards' status list (compact JWS signed with a key of `jwks`): ids of cards that must not pass. Absent
   * on caches from before printed cards: then cards are checked online only.
   */
  cardStatus?: string;
  /** When the card status list was built (ISO, read from it for display; its signature is checked at each scan). */
  cardStatusIssuedAt?: string;
}

function read<T>(key: string, valid: (v: T) => boolean): T | null {
  const value = Taro.getStorageSync(key) as T | '' | undefined;
  return value && valid(value) ? value : null;
}

export function saveOperator(staff: StaffIdentity, now = clock.now()): void {
  Taro.setStorageSync(STAFF_KEY, {
    username: staff.username,
    displayName: staff.displayName,
    signedInAt: now.toISOString(),
  } satisfies CheckpointOperator);
}

export function readOperator(): CheckpointOperator | null {
  return read<CheckpointOperator>(STAFF_KEY, (v) => typeof v.username === 'string');
}

export function clearOperator(): void {
  Taro.removeStorageSync(STAFF_KEY);
}

export function saveDeviceSettings(settings: DeviceSettings): void {
  Taro.setStorageSync(DEVICE_KEY, settings);
}

export function readDeviceSettings(): DeviceSettings | null {
  return read<DeviceSettings>(
    DEVICE_KEY,
    (v) => typeof v.checkpointId === 'string' && typeof v.authorization === 'string',
  );
}

export function clearDeviceSettings(): void {
  Taro.removeStorageSync(DEVICE_KEY);
}

export function saveJwks(jwks: JSONWebKeySet, now = clock.now(), trustList?: string, cardStatus?: string): CachedJwks {
  const issuedAt = trustList ? trustListIssuedAt(trustList) : null;
  const cardStatusIssuedAt = cardStatus ? trustListIssuedAt(cardStatus) : null;
  const cached: CachedJwks = {
    jwks,
    fetchedAt: now.toISOString(),
    ...(trustList ? { trustList } : {}),
    ...(issuedAt ? { trustListIssuedAt: issuedAt } : {}),
    ...(cardStatus ? { cardStatus } : {}),
    ...(cardStatusIssuedAt ? { cardStatusIssuedAt } : {}),
  };
  Taro.setStorageSync(JWKS_KEY, cached);
  return cached;
}

export function readJwks(): CachedJwks | null {
  return read<CachedJwks>(JWKS_KEY, (v) => Array.isArray(v.jwks?.keys));
}

/** The `iat` of a signed list (trust list, card status list), for showing its age; null when it cannot be read. */
function trustListIssuedAt(jws: string): string | null {
  try {
    const part = jws.split('.')[1] ?? '';
    const json = decodeURIComponent(
      Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')))
        .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
        .join(''),
    );
    const iat = (JSON.parse(json) as { iat?: unknown }).iat;
    return typeof iat === 'number' ? new Date(iat * 1000).toISOString() : null;
  } catch {
    return null;
  }
}
