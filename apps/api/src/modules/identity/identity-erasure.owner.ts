import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { HotlineVerificationRepository } from './hotline-verification.repository';
import { IdentityEventRepository } from './identity-event.repository';
import { WechatVerifySessionRepository } from './wechat-verify-session.repository';

/**
 * Identity proofing records: verifications, rejections and ID changes, face checks in progress, and hotline
 * document checks (the agent's written reason is about this resident). Erasing them
 * (with the profile's HMAC) frees the ID number for a new sign-up; the authority's facts stay keyed to the number.
 */
@Injectable()
export class IdentityErasureOwner implements OnModuleInit {
  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly events: IdentityEventRepository,
    private readonly wechatSessions: WechatVerifySessionRepository,
    private readonly hotline: HotlineVerificationRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'identityEvents',
      holds: [
        { table: 'identity_events', column: 'resident_id', action: 'delete' },
        { table: 'identity_events', column: 'id_hmac', action: 'delete', note: 'the same rows, by resident' },
        { table: 'wechat_verify_sessions', column: 'resident_id', action: 'delete' },
        { table: 'hotline_verifications', column: 'resident_id', action: 'delete' },
        { table: 'hotline_verifications', column: 'id_hmac', action: 'delete', note: 'the same rows, by resident' },
        { table: 'wechat_verify_sessions', column: 'id_hmac', action: 'delete', note: 'the same rows, by resident' },
        {
          table: 'dev_host_identities',
          column: 'host_key',
          action: 'keep-unlinked',
          note: "the dev host's own real-name record (as WeChat and Alipay keep theirs); erasure replaces the account's host key",
        },
        {
          table: 'dev_host_identities',
          column: 'id_hmac',
          action: 'keep-unlinked',
          note: "the dev host's own real-name record; dev and tests only",
        },
      ],
      erase: async (manager, residentId) => {
        const count = await this.events.deleteForResident(manager, residentId);
        await this.wechatSessions.deleteForResident(manager, residentId);
        await this.hotline.deleteForResident(manager, residentId);
        return { count };
      },
    });
  }
}
