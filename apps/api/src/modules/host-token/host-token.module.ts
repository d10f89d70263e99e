import { Module } from '@nestjs/common';

import { WechatAccessTokenService } from './wechat-access-token.service';

/** Host-app access tokens shared through Redis (WeChat); imported by identity verification and notifications. */
@Module({
  providers: [WechatAccessTokenService],
  exports: [WechatAccessTokenService],
})
export class HostTokenModule {}
