import { parseDeviceSettings } from './device-settings.util';

const ID = '3f2b8c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

describe('device settings', () => {
  it('accepts the credential with or without its "Device" prefix', () => {
    expect(parseDeviceSettings(` ${ID.toUpperCase()} `, 'Device abc_1.s3cr-et')).toEqual({
      ok: true,
      settings: { checkpointId: ID, authorization: 'Device abc_1.s3cr-et' },
    });
    expect(parseDeviceSettings(ID, 'abc.def')).toMatchObject({
      ok: true,
      settings: { authorization: 'Device abc.def' },
    });
  });

  it('names the field that is wrong', () => {
    expect(parseDeviceSettings('checkpoint-1', 'Device a.b')).toEqual({ ok: false, problem: 'checkpointId' });
    expect(parseDeviceSettings(ID, 'Bearer xyz')).toEqual({ ok: false, problem: 'authorization' });
    expect(parseDeviceSettings(ID, '')).toEqual({ ok: false, problem: 'authorization' });
  });
});
