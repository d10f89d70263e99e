import { Initial1795947545338 } from './1795947545338-Initial';
import { PreviewIndexes1796660000000 } from './1796660000000-PreviewIndexes';
import { StaffSecurityAudit1795948172729 } from './1795948172729-StaffSecurityAudit';
import { RescoreImportsStats1795948329201 } from './1795948329201-RescoreImportsStats';
import { CheckpointsAndScans1795948352116 } from './1795948352116-CheckpointsAndScans';
import { AppealsOverridesNotifications1795948368979 } from './1795948368979-AppealsOverridesNotifications';
import { AuthorityFactsImportIndex1795948464627 } from './1795948464627-AuthorityFactsImportIndex';
import { RetentionIndexes1795952631188 } from './1795952631188-RetentionIndexes';
import { PerTokenCodeIds1796593848219 } from './1796593848219-PerTokenCodeIds';
import { SessionRevocation1796593955888 } from './1796593955888-SessionRevocation';
import { AuthorityFactLifecycle1796594896178 } from './1796594896178-AuthorityFactLifecycle';
import { ErasureReceipts1796595473100 } from './1796595473100-ErasureReceipts';
import { AuditHeadSignatures1796598344365 } from './1796598344365-AuditHeadSignatures';
import { ColorCountDeltas1796600500000 } from './1796600500000-ColorCountDeltas';
import { NotificationNotBefore1796600200000 } from './1796600200000-NotificationNotBefore';
import { ResidentCodeRevision1796596266796 } from './1796596266796-ResidentCodeRevision';
import { RiskLevelRetraction1796596277249 } from './1796596277249-RiskLevelRetraction';
import { NotificationClaim1796610100000 } from './1796610100000-NotificationClaim';
import { AppealCategories1796620200000 } from './1796620200000-AppealCategories';
import { CareLinks1796620000000 } from './1796620000000-CareLinks';
import { MutualRecognition1796601200000 } from './1796601200000-MutualRecognition';
import { StaffRoleGrants1796610000000 } from './1796610000000-StaffRoleGrants';
import { VerificationStateAndIdentityEvents1796597381710 } from './1796597381710-VerificationStateAndIdentityEvents';
import { HmacKeyIds1796600171000 } from './1796600171000-HmacKeyIds';
import { StagedImportsAndWithdrawals1796600900000 } from './1796600900000-StagedImportsAndWithdrawals';
import { HotlineVerifications1796601000000 } from './1796601000000-HotlineVerifications';
import { PrintedCards1796620100000 } from './1796620100000-PrintedCards';
import { PeerKeyUpdates1796630000000 } from './1796630000000-PeerKeyUpdates';
import { CompactReasons1796650000001 } from './1796650000001-CompactReasons';

// Order matters: TypeORM runs them in this order on an empty database.
export const MIGRATIONS = [
  Initial1795947545338,
  StaffSecurityAudit1795948172729,
  RescoreImportsStats1795948329201,
  CheckpointsAndScans1795948352116,
  AppealsOverridesNotifications1795948368979,
  AuthorityFactsImportIndex1795948464627,
  RetentionIndexes1795952631188,
  PerTokenCodeIds1796593848219,
  SessionRevocation1796593955888,
  AuthorityFactLifecycle1796594896178,
  ErasureReceipts1796595473100,
  ResidentCodeRevision1796596266796,
  RiskLevelRetraction1796596277249,
  VerificationStateAndIdentityEvents1796597381710,
  AuditHeadSignatures1796598344365,
  HmacKeyIds1796600171000,
  NotificationNotBefore1796600200000,
  ColorCountDeltas1796600500000,
  StagedImportsAndWithdrawals1796600900000,
  HotlineVerifications1796601000000,
  MutualRecognition1796601200000,
  StaffRoleGrants1796610000000,
  NotificationClaim1796610100000,
  CareLinks1796620000000,
  PrintedCards1796620100000,
  AppealCategories1796620200000,
  PeerKeyUpdates1796630000000,
  CompactReasons1796650000001,
  PreviewIndexes1796660000000,
];
