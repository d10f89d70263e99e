import { AccessLogEntity } from '../modules/access-log/access-log.entity';
import { AuditChainHeadEntity } from '../modules/audit/audit-chain-head.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { AuthorityFactEntity } from '../modules/authority/authority-fact.entity';
import { CodeHistoryEntity } from '../modules/code/code-history.entity';
import { ResidentCodeEntity } from '../modules/code/resident-code.entity';
import { CheckInEntity } from '../modules/declaration/check-in.entity';
import { DeclarationEntity } from '../modules/declaration/declaration.entity';
import { ResidentEntity } from '../modules/resident/resident.entity';
import { RegionRiskLevelEntity } from '../modules/rules/region-risk-level.entity';
import { RuleSetEntity } from '../modules/rules/rule-set.entity';
import { StaffEntity } from '../modules/staff/staff.entity';

export const ENTITIES = [
  AccessLogEntity,
  AuditChainHeadEntity,
  AuditEntryEntity,
  AuthorityFactEntity,
  CheckInEntity,
  CodeHistoryEntity,
  DeclarationEntity,
  RegionRiskLevelEntity,
  ResidentCodeEntity,
  ResidentEntity,
  RuleSetEntity,
  StaffEntity,
];
