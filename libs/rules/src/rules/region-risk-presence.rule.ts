import { type DayNumber, formatIsoDate } from '../date.util';
import { factDay, factRegion } from '../fact-field.util';
import type { Finding, RuleContext, RuleKindImpl, WaitingOn } from '../rule-context.types';
import type { RegionRiskPresenceParams, RuleDefinitionOf } from '../rule-set.types';

type Rule = RuleDefinitionOf<'region-risk-presence'>;

function waitingOn(region: string, params: RegionRiskPresenceParams): WaitingOn {
  return {
    step: 'await-region-risk',
    greenWhen: 'green-when.region-open',
    params: { region, level: params.level, required: params.checkInsRequired },
  };
}

/**
 * For a stay still under way and at the rule's level today: if nothing changes the resident
 * stays on, so the cause lasts until the level changes or the stay's planned end; null if neither is known.
 */
function ongoingStayEnd(ctx: RuleContext, region: string, plannedEnd: DayNumber): DayNumber | null {
  const end = Math.min(ctx.risk.segmentOn(region, ctx.today).end, plannedEnd);
  return end === Infinity ? null : end;
}

type Matched = Pick<Finding, 'template' | 'params' | 'fact' | 'since' | 'causeEnd' | 'waitingOn'>;

function push(findings: Finding[], rule: Rule, params: RegionRiskPresenceParams, matched: Matched): void {
  findings.push({ ruleId: rule.id, color: params.color, recovery: params, ...matched });
}

function collectStays(rule: Rule, ctx: RuleContext, findings: Finding[]): void {
  (ctx.facts.stays ?? []).forEach((stay, i) => {
    const region = factRegion(stay.region, `stays[${i}].region`);
    const params = ctx.params(rule, region);
    const from = factDay(stay.from, `stays[${i}].from`);
    const to = stay.to === null ? Infinity : factDay(stay.to, `stays[${i}].to`);
    const seenUntil = Math.min(to, ctx.today);
    if (from > seenUntil || ctx.today - seenUntil > params.withinDays) return;
    const run = ctx.risk.findLevel(region, from, seenUntil, params.level);
    if (!run || ctx.today - run.last > params.withinDays) return;
    // A stay still under way counts on into the future, like the current region does.
    const causeEnd = run.last === ctx.today && to > ctx.today ? ongoingStayEnd(ctx, region, to) : run.last;
    push(findings, rule, params, {
      template: 'reason.stay',
      params: {
        region,
        from: formatIsoDate(from),
        to: stay.to === null ? null : formatIsoDate(to),
        level: params.level,
        lastDay: formatIsoDate(run.last),
      },
      fact: {
        source: 'self-declared',
        kind: 'stay',
        region,
        from: formatIsoDate(from),
        to: stay.to === null ? null : formatIsoDate(to),
        riskLevel: params.level,
      },
      since: run.first,
      causeEnd,
      waitingOn: causeEnd === null ? waitingOn(region, params) : null,
    });
  });
}

function collectArrivals(rule: Rule, ctx: RuleContext, findings: Finding[]): void {
  (ctx.facts.transportBookings ?? []).forEach((booking, i) => {
    const region = factRegion(booking.fromRegion, `transportBookings[${i}].fromRegion`);
    const params = ctx.params(rule, region);
    const day = factDay(booking.date, `transportBookings[${i}].date`);
    if (day > ctx.today || ctx.today - day > params.withinDays) return;
    const level = ctx.risk.levelOn(region, day);
    if (level !== params.level) return;
    const date = formatIsoDate(day);
    push(findings, rule, params, {
      template: 'reason.transport',
      params: { mode: booking.mode, fromRegion: region, date, level },
      fact: {
        source: 'transport-booking',
        kind: 'transport',
        mode: booking.mode,
        fromRegion: region,
        toRegion: factRegion(booking.toRegion, `transportBookings[${i}].toRegion`),
        date,
        ref: booking.ref,
        riskLevel: level,
      },
      since: day,
      causeEnd: day,
      waitingOn: null,
    });
  });
}

function collectCurrentRegion(rule: Rule, ctx: RuleContext, findings: Finding[]): void {
  const region = ctx.currentRegion;
  if (region === null) return;
  const params = ctx.params(rule, region);
  if (!params.includeCurrentRegion) return;
  const segment = ctx.risk.segmentOn(region, ctx.today);
  if (segment.level !== params.level) return;
  const since = formatIsoDate(segment.start);
  const causeEnd = segment.end === Infinity ? null : segment.end;
  push(findings, rule, params, {
    template: 'reason.current-region',
    params: { region, level: params.level, since },
    fact: {
      source: 'region-risk',
      kind: 'current-region',
      region,
      riskLevel: params.level,
      from: since,
      to: causeEnd === null ? null : formatIsoDate(causeEnd + 1),
    },
    since: segment.start,
    causeEnd,
    waitingOn: causeEnd === null ? waitingOn(region, params) : null,
  });
}

/**
 * Having been in a region at the rule's risk level, judged by the level on the days the
 * resident was there: declared stays, arrivals booked from there, and (if the rule says so)
 * the current region. Parameters are those of the region the resident was in.
 */
export const regionRiskPresenceRule: RuleKindImpl<'region-risk-presence'> = {
  collect(rule, ctx, { findings }) {
    collectStays(rule, ctx, findings);
    collectArrivals(rule, ctx, findings);
    collectCurrentRegion(rule, ctx, findings);
  },
  describe: (params) => ({
    template: params.includeCurrentRegion ? 'rule.region-risk-presence.with-current' : 'rule.region-risk-presence',
    params: {
      color: params.color,
      level: params.level,
      withinDays: params.withinDays,
      checkInsRequired: params.checkInsRequired,
    },
  }),
};
