/**
 * The escalation ladder (DOMAIN §5.4): which step a confirmed violation puts a seller on, from the
 * strikes they already carry. Pure: strikes and time come in, a step index comes out.
 */

/** What a step restricts. Each kind is one line of the statement of reasons. */
export const RESTRICTION_KINDS = ['messaging_limited', 'listing_demotion', 'payout_hold', 'selling_suspended', 'account_terminated'] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

/** The notice a step sends; a configured ladder maps each of its steps onto one of these. */
export const STEP_NOTICES = ['education', 'formal_warning', 'restriction', 'temporary_suspension', 'termination'] as const;
export type StepNotice = (typeof STEP_NOTICES)[number];

export interface RestrictionSpec {
  readonly kind: RestrictionKind;
  /** How long it lasts; undefined = until lifted (termination, or an appeal). */
  readonly days?: number | undefined;
}

export interface LadderStep {
  /** Stable name, e.g. `formal_warning`; shown to staff and in events. */
  readonly name: string;
  readonly notice: StepNotice;
  readonly restrictions: readonly RestrictionSpec[];
}

export type Ladder = readonly LadderStep[];

export type Severity = 'standard' | 'severe';
export const SEVERITIES: readonly Severity[] = ['standard', 'severe'];

/** The default ladder: education, formal warning, restriction, temporary suspension, termination. */
export const DEFAULT_LADDER: Ladder = [
  { name: 'education', notice: 'education', restrictions: [] },
  { name: 'formal_warning', notice: 'formal_warning', restrictions: [] },
  {
    name: 'restriction',
    notice: 'restriction',
    restrictions: [{ kind: 'messaging_limited', days: 30 }, { kind: 'listing_demotion', days: 30 }, { kind: 'payout_hold', days: 14 }],
  },
  { name: 'temporary_suspension', notice: 'temporary_suspension', restrictions: [{ kind: 'selling_suspended', days: 14 }] },
  { name: 'termination', notice: 'termination', restrictions: [{ kind: 'account_terminated' }] },
];

/** A recorded violation as the ladder sees it. */
export interface Strike {
  readonly id: string;
  readonly step: number;
  readonly strikeExpiresAt: Date;
  readonly status: 'active' | 'overturned';
}

/** Strikes that still count at `now`: not overturned and not yet expired. */
export function activeStrikes<S extends Strike>(strikes: readonly S[], now: Date): S[] {
  return strikes.filter((s) => s.status === 'active' && s.strikeExpiresAt.getTime() > now.getTime());
}

/** The seller's position: the highest step among active strikes, or -1 in good standing. */
export function ladderPosition(ladder: Ladder, strikes: readonly Strike[], now: Date): number {
  let top = -1;
  for (const s of activeStrikes(strikes, now)) top = Math.max(top, s.step);
  return Math.min(top, ladder.length - 1);
}

/**
 * The step a newly confirmed violation reaches: one above the highest active strike, two for a
 * severe one (it may skip a step), never beyond the top of the ladder.
 */
export function nextStep(ladder: Ladder, strikes: readonly Strike[], now: Date, severity: Severity): number {
  const from = ladderPosition(ladder, strikes, now);
  return Math.min(from + (severity === 'severe' ? 2 : 1), ladder.length - 1);
}

export class LadderError extends Error {}

/**
 * Reads a ladder from JSON (the `ENFORCEMENT_LADDER` override):
 * `[{ "name": "education", "notice": "education", "restrictions": [{ "kind": "payout_hold", "days": 14 }] }, …]`.
 * Throws {@link LadderError} naming the first problem.
 */
export function parseLadder(raw: string): Ladder {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new LadderError(`is not JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > 20) throw new LadderError('must be a JSON array of 1–20 steps');
  const names = new Set<string>();
  return parsed.map((step: unknown, i): LadderStep => {
    const s = step as { name?: unknown; notice?: unknown; restrictions?: unknown };
    if (s === null || typeof s !== 'object') throw new LadderError(`step ${i} must be an object`);
    if (typeof s.name !== 'string' || !/^[a-z][a-z0-9_]{0,47}$/.test(s.name)) throw new LadderError(`step ${i}: name must be snake_case`);
    if (names.has(s.name)) throw new LadderError(`step ${i}: name ${s.name} is used twice`);
    names.add(s.name);
    if (typeof s.notice !== 'string' || !(STEP_NOTICES as readonly string[]).includes(s.notice)) {
      throw new LadderError(`step ${i}: notice must be one of ${STEP_NOTICES.join(', ')}`);
    }
    const rs = s.restrictions ?? [];
    if (!Array.isArray(rs)) throw new LadderError(`step ${i}: restrictions must be an array`);
    const restrictions = rs.map((r: unknown, j): RestrictionSpec => {
      const x = r as { kind?: unknown; days?: unknown };
      if (x === null || typeof x !== 'object' || typeof x.kind !== 'string' || !(RESTRICTION_KINDS as readonly string[]).includes(x.kind)) {
        throw new LadderError(`step ${i} restriction ${j}: kind must be one of ${RESTRICTION_KINDS.join(', ')}`);
      }
      if (x.days !== undefined && (typeof x.days !== 'number' || !Number.isInteger(x.days) || x.days < 1 || x.days > 3650)) {
        throw new LadderError(`step ${i} restriction ${j}: days must be a whole number from 1 to 3650`);
      }
      return { kind: x.kind as RestrictionKind, days: x.days as number | undefined };
    });
    return { name: s.name, notice: s.notice as StepNotice, restrictions };
  });
}
