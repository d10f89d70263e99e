import { type HostProvider, HostCodeRejected } from './host-provider.interface';

/** Demo and test logins: code `dev-<name>` is host user `<name>`. Never enabled in production mode. */
export class DevHostProvider implements HostProvider {
  readonly name = 'dev' as const;

  async exchange(code: string): Promise<string> {
    const match = /^dev-([a-z0-9][a-z0-9_-]{0,31})$/.exec(code);
    if (!match)
      throw new HostCodeRejected('A dev login code looks like dev-<name> (lowercase letters, digits, - and _)');
    return match[1];
  }
}
