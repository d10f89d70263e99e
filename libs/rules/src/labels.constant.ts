import type { Color } from './color.constant';
import type { CaseStatus, RiskLevel, SymptomCode, TransportMode } from './facts.types';
import type { LocalizedText } from './result.types';

export const COLOR_LABELS: Readonly<Record<Color, LocalizedText>> = {
  green: { 'zh-CN': '绿码', en: 'green' },
  yellow: { 'zh-CN': '黄码', en: 'yellow' },
  red: { 'zh-CN': '红码', en: 'red' },
};

export const RISK_LEVEL_LABELS: Readonly<Record<RiskLevel, LocalizedText>> = {
  low: { 'zh-CN': '低', en: 'low' },
  medium: { 'zh-CN': '中', en: 'medium' },
  high: { 'zh-CN': '高', en: 'high' },
};

export const SYMPTOM_LABELS: Readonly<Record<SymptomCode, LocalizedText>> = {
  fever: { 'zh-CN': '发热', en: 'fever' },
  cough: { 'zh-CN': '咳嗽', en: 'cough' },
  'sore-throat': { 'zh-CN': '咽痛', en: 'sore throat' },
  'shortness-of-breath': { 'zh-CN': '气促', en: 'shortness of breath' },
  fatigue: { 'zh-CN': '乏力', en: 'fatigue' },
  'loss-of-smell': { 'zh-CN': '嗅觉丧失', en: 'loss of smell' },
};

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, LocalizedText>> = {
  confirmed: { 'zh-CN': '确诊', en: 'confirmed' },
  suspected: { 'zh-CN': '疑似', en: 'suspected' },
};

export const TRANSPORT_MODE_LABELS: Readonly<Record<TransportMode, LocalizedText>> = {
  plane: { 'zh-CN': '飞机', en: 'plane' },
  train: { 'zh-CN': '火车', en: 'train' },
  bus: { 'zh-CN': '客车', en: 'bus' },
};

/** Rule parameter names, for the public rule description and the console's changelog. */
export const PARAM_LABELS: Readonly<Record<string, LocalizedText>> = {
  color: { 'zh-CN': '颜色', en: 'colour' },
  withinDays: { 'zh-CN': '观察天数', en: 'days counted' },
  checkInsRequired: { 'zh-CN': '所需连续健康打卡次数', en: 'consecutive healthy check-ins required' },
  statuses: { 'zh-CN': '病例状态', en: 'case statuses' },
  includeSelfDeclared: { 'zh-CN': '计入本人申报的接触', en: 'self-declared contacts count' },
  level: { 'zh-CN': '风险等级', en: 'risk level' },
  includeCurrentRegion: { 'zh-CN': '计入当前所在地区', en: 'current region counts' },
  symptoms: { 'zh-CN': '计入的症状', en: 'symptoms counted' },
};
