import { parseTrustedProxies } from './trusted-proxies.util';

describe('parseTrustedProxies', () => {
  it('trusts nobody by default', () => {
    expect(parseTrustedProxies('')).toEqual({ entries: [] });
    expect(parseTrustedProxies(' , ')).toEqual({ entries: [] });
  });

  it('accepts addresses and CIDR blocks of both families', () => {
    expect(parseTrustedProxies('10.0.0.0/8, 127.0.0.1,::1/128, fd00::/8')).toEqual({
      entries: ['10.0.0.0/8', '127.0.0.1', '::1/128', 'fd00::/8'],
    });
  });

  it.each(['*', 'true', 'loopback', '10.0.0.0/33', '10.0.0/8', '::1/129', '10.0.0.0/8/1', '10.0.0.0/x'])(
    'refuses %s',
    (raw) => {
      expect(parseTrustedProxies(raw)).toHaveProperty('problem');
    },
  );
});
