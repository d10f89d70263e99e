import type { DeviceSettings } from './checkpoint-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CREDENTIAL = /^(Device\s+)?([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

export type DeviceSettingsProblem = 'checkpointId' | 'authorization';

/** Accepts the credential with or without its `Device ` prefix, as copied from the console. */
export function parseDeviceSettings(
  checkpointId: string,
  credential: string,
): { ok: true; settings: DeviceSettings } | { ok: false; problem: DeviceSettingsProblem } {
  const id = checkpointId.trim();
  if (!UUID.test(id)) return { ok: false, problem: 'checkpointId' };
  const match = CREDENTIAL.exec(credential.trim());
  if (!match) return { ok: false, problem: 'authorization' };
  return { ok: true, settings: { checkpointId: id.toLowerCase(), authorization: `Device ${match[2]}` } };
}
