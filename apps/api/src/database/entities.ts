import { PrintedCardEntity } from '../modules/card/printed-card.entity';
import { AccessLogEntity } from '../modules/access-log/access-log.entity';
import { CareLinkEntity } from '../modules/care/care-link.entity';
import { AppealCounterEntity } from '../modules/appeal/appeal-counter.entity';
import { AppealEventEntity } from '../modules/appeal/appeal-event.entity';
import { AppealEvidenceEntity } from '../modules/appeal/appeal-evidence.entity';
import { AppealRegionPolicyEntity } from '../modules/appeal/appeal-region-policy.entity';
import { AppealEntity } from '../modules/appeal/appeal.entity';
import { DevMessageEntity } from '../modules/notification/dev-message.entity';
import { NotificationOutboxEntity } from '../modules/notification/notification-outbox.entity';
import { NotificationRecipientEntity } from '../modules/notification/notification-recipient.entity';
import { FactCorrectionEntity } from '../modules/override/fact-correction.entity';
import { StaffOverrideEntity } from '../modules/override/staff-override.entity';
import { AuditChainHeadEntity } from '../modules/audit/audit-chain-head.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { AuditHeadSignatureEntity } from '../modules/audit/audit-head-signature.entity';
import { CodeTokenEntity } from '../modules/keys/code-token.entity';
import { ErasureReceiptEntity } from '../modules/me/erasure-receipt.entity';
import { AuthorityFactEntity } from '../modules/authority-facts/authority-fact.entity';
import { AuthorityFactChangeEntity } from '../modules/authority-facts/authority-fact-change.entity';
import { CheckpointRefusalEntity } from '../modules/checkpoint/checkpoint-refusal.entity';
import { CheckpointScanEntity } from '../modules/checkpoint/checkpoint-scan.entity';
import { CheckpointEntity } from '../modules/checkpoint/checkpoint.entity';
import { DeviceCredentialEntity } from '../modules/checkpoint/device-credential.entity';
import { TracingRequestEntity } from '../modules/checkpoint/tracing-request.entity';
import { HotlineVerificationEntity } from '../modules/identity/hotline-verification.entity';
import { AuthorityImportErrorEntity } from '../modules/authority/authority-import-error.entity';
import { AuthorityImportEntity } from '../modules/authority/authority-import.entity';
import { AuthorityStagedRowEntity } from '../modules/authority/authority-staged-row.entity';
import { AuthorityWithdrawalEntity } from '../modules/authority-facts/authority-withdrawal.entity';
import { AuthorityWithdrawnFactEntity } from '../modules/authority/authority-withdrawn-fact.entity';
import { CodeHistoryEntity } from '../modules/code/code-history.entity';
import { ResidentCodeEntity } from '../modules/code/resident-code.entity';
import { CheckInEntity } from '../modules/declaration/check-in.entity';
import { DeclarationEntity } from '../modules/declaration/declaration.entity';
import { ResidentEntity } from '../modules/resident/resident.entity';
import { DevHostIdentityEntity } from '../modules/identity/dev-host-identity.entity';
import { IdentityEventEntity } from '../modules/identity/identity-event.entity';
import { WechatVerifySessionEntity } from '../modules/identity/wechat-verify-session.entity';
import { ColorCountDayEntity } from '../modules/color-counts/color-count-day.entity';
import { ColorCountDeltaEntity } from '../modules/color-counts/color-count-delta.entity';
import { ColorCountEntity } from '../modules/color-counts/color-count.entity';
import { RescoreRangeEntity } from '../modules/rescore/rescore-range.entity';
import { RescoreRunEntity } from '../modules/rescore/rescore-run.entity';
import { RegionRiskLevelEntity } from '../modules/rules/region-risk-level.entity';
import { RuleSetEntity } from '../modules/rules/rule-set.entity';
import { ResidentSessionEpochEntity } from '../modules/session/resident-session-epoch.entity';
import { RevokedSessionEntity } from '../modules/session/revoked-session.entity';
import { StaffRoleGrantEntity } from '../modules/staff/staff-role-grant.entity';
import { StaffEntity } from '../modules/staff/staff.entity';
import { TrustedIssuerEntity } from '../modules/trust/trusted-issuer.entity';

export const ENTITIES = [
  PrintedCardEntity,
  TrustedIssuerEntity,
  AppealCounterEntity,
  AppealEntity,
  AppealEventEntity,
  AppealEvidenceEntity,
  AppealRegionPolicyEntity,
  DevMessageEntity,
  FactCorrectionEntity,
  IdentityEventEntity,
  NotificationOutboxEntity,
  NotificationRecipientEntity,
  StaffOverrideEntity,
  AccessLogEntity,
  CareLinkEntity,
  AuditChainHeadEntity,
  AuditEntryEntity,
  AuditHeadSignatureEntity,
  AuthorityFactEntity,
  AuthorityFactChangeEntity,
  AuthorityImportEntity,
  AuthorityImportErrorEntity,
  AuthorityStagedRowEntity,
  AuthorityWithdrawalEntity,
  AuthorityWithdrawnFactEntity,
  ColorCountDayEntity,
  ColorCountDeltaEntity,
  ColorCountEntity,
  CheckInEntity,
  CheckpointEntity,
  CheckpointRefusalEntity,
  CheckpointScanEntity,
  CodeHistoryEntity,
  CodeTokenEntity,
  DeclarationEntity,
  DevHostIdentityEntity,
  DeviceCredentialEntity,
  ErasureReceiptEntity,
  HotlineVerificationEntity,
  RegionRiskLevelEntity,
  RescoreRangeEntity,
  RescoreRunEntity,
  ResidentCodeEntity,
  ResidentEntity,
  ResidentSessionEpochEntity,
  RevokedSessionEntity,
  RuleSetEntity,
  StaffEntity,
  StaffRoleGrantEntity,
  TracingRequestEntity,
  WechatVerifySessionEntity,
];
