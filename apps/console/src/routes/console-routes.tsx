import {
  AuditOutlined,
  ClusterOutlined,
  CommentOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  GlobalOutlined,
  NodeIndexOutlined,
  IdcardOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SlidersOutlined,
  TeamOutlined,
  UndoOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';

import type { Permission } from '../access';
import type { Messages } from '../locales/zh-CN';

const DashboardPage = lazy(() => import('../pages/dashboard'));
const AppealsPage = lazy(() => import('../pages/appeals'));
const LookupPage = lazy(() => import('../pages/lookup'));
const IdentityVerificationsPage = lazy(() => import('../pages/identity-verifications'));
const RulesPage = lazy(() => import('../pages/rules'));
const ImportsPage = lazy(() => import('../pages/imports'));
const WithdrawalsPage = lazy(() => import('../pages/withdrawals'));
const CheckpointsPage = lazy(() => import('../pages/checkpoints'));
const AppealPolicyPage = lazy(() => import('../pages/appeal-policy'));
const AuditPage = lazy(() => import('../pages/audit'));
const TrustedIssuersPage = lazy(() => import('../pages/trusted-issuers'));
const QueuesPage = lazy(() => import('../pages/queues'));
const StaffPage = lazy(() => import('../pages/staff'));
const TracingPage = lazy(() => import('../pages/tracing'));

export type NavKey = Exclude<keyof Messages['nav'], 'label'>;

export interface ConsoleRoute {
  key: NavKey;
  path: string;
  permission: Permission;
  /** Decorative: the menu label names the entry. */
  icon: ReactNode;
  page: LazyExoticComponent<ComponentType>;
}

/** The signed-in pages, in menu order: the menu and the router are both built from this table. */
export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  {
    key: 'dashboard',
    path: '/dashboard',
    permission: 'canSeeDashboard',
    icon: <DashboardOutlined aria-hidden />,
    page: DashboardPage,
  },
  {
    key: 'appeals',
    path: '/appeals',
    permission: 'canWorkAppeals',
    icon: <CommentOutlined aria-hidden />,
    page: AppealsPage,
  },
  { key: 'lookup', path: '/lookup', permission: 'canLookup', icon: <SearchOutlined aria-hidden />, page: LookupPage },
  {
    key: 'tracing',
    path: '/tracing',
    permission: 'canTrace',
    icon: <NodeIndexOutlined aria-hidden />,
    page: TracingPage,
  },
  {
    key: 'identityVerifications',
    path: '/identity-verifications',
    permission: 'canLookup',
    icon: <IdcardOutlined aria-hidden />,
    page: IdentityVerificationsPage,
  },
  { key: 'rules', path: '/rules', permission: 'canEditRules', icon: <SlidersOutlined aria-hidden />, page: RulesPage },
  {
    key: 'imports',
    path: '/imports',
    permission: 'canImport',
    icon: <UploadOutlined aria-hidden />,
    page: ImportsPage,
  },
  {
    key: 'withdrawals',
    path: '/withdrawals',
    permission: 'canWithdraw',
    icon: <UndoOutlined aria-hidden />,
    page: WithdrawalsPage,
  },
  {
    key: 'appealPolicy',
    path: '/appeal-policy',
    permission: 'canEditRules',
    icon: <ScheduleOutlined aria-hidden />,
    page: AppealPolicyPage,
  },
  {
    key: 'checkpoints',
    path: '/checkpoints',
    permission: 'canManageCheckpoints',
    icon: <EnvironmentOutlined aria-hidden />,
    page: CheckpointsPage,
  },
  {
    key: 'trustedIssuers',
    path: '/trusted-issuers',
    permission: 'canManageTrust',
    icon: <GlobalOutlined aria-hidden />,
    page: TrustedIssuersPage,
  },
  { key: 'audit', path: '/audit', permission: 'canReadAudit', icon: <AuditOutlined aria-hidden />, page: AuditPage },
  {
    key: 'queues',
    path: '/queues',
    permission: 'canSeeQueues',
    icon: <ClusterOutlined aria-hidden />,
    page: QueuesPage,
  },
  {
    key: 'staff',
    path: '/staff',
    permission: 'canManageStaff',
    icon: <TeamOutlined aria-hidden />,
    page: StaffPage,
  },
];

export const HOME_PATH = '/dashboard';
