import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAppCaseTypes } from '../../src/app/build-app';
import {
  CaseTypeError,
  checkCaseType,
  createCaseTypeRegistry,
  decideTransition,
  defineCaseType,
  requireNote,
  type Case,
  type CaseTypeDefinition,
  type TransitionFacts,
} from '../../src/cases';
import { ROLES } from '../../src/identity';
import { createTestApp, type TestApp } from '../helpers/app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SLA = {
  p1: { firstResponseHours: 1, resolutionHours: 8 },
  p2: { firstResponseHours: 2, resolutionHours: 16 },
  p3: { firstResponseHours: 4, resolutionHours: 24 },
  p4: { firstResponseHours: 8, resolutionHours: 40 },
};

/** A type no module of this wave has: written here, registered without touching src/cases. */
const dealerInquiry = defineCaseType({
  type: 'dealer_inquiry',
  title: 'Dealer inquiry',
  machine: {
    name: 'dealer_inquiry',
    initial: 'new',
    transitions: { new: ['answered', 'spam'], answered: ['new', 'done'], spam: ['done'], done: [] },
    terminal: ['done'],
  },
  closedStatuses: ['answered', 'spam', 'done'],
  defaultQueue: 'dealer-support',
  defaultPriority: 'p4',
  sla: SLA,
  guards: [requireNote({ targets: ['answered'], reason: 'dealer_inquiry.answer_requires_note' })],
});

function broken(patch: Partial<CaseTypeDefinition>): CaseTypeDefinition {
  return { ...(dealerInquiry as unknown as CaseTypeDefinition), ...patch };
}

describe('registered case types', () => {
  const types = createAppCaseTypes().list();

  it('are this wave’s four, each a sound machine', () => {
    expect(types.map((t) => t.type).sort()).toEqual(['appeal', 'commission_dispute', 'conversation_review', 'investigation']);
    for (const t of types) expect(checkCaseType(t), t.type).toEqual([]);
  });

  it('never leave their table, whatever sequence of moves is asked for', () => {
    const anyFacts = fc.record({
      role: fc.constantFrom(undefined, ...ROLES),
      note: fc.option(fc.constantFrom('reasons given'), { nil: undefined }),
      noteCount: fc.nat(3),
      evidenceCount: fc.nat(2),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...types),
        fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.nat(20)), anyFacts), { maxLength: 30 }),
        (def, steps) => {
          const statuses = Object.keys(def.machine.transitions);
          let status = def.machine.initial as string;
          for (const [pick, f] of steps) {
            const to = typeof pick === 'number' ? statuses[pick % statuses.length]! : pick;
            const facts: TransitionFacts = {
              case: { status } as Case,
              caller: { kind: f.role === undefined ? 'system' : 'user', id: 'x', role: f.role },
              note: f.note,
              noteCount: f.noteCount,
              evidenceCount: f.evidenceCount,
            };
            const r = decideTransition(def, to, facts);
            if (r.ok) {
              expect(def.machine.transitions[status]).toContain(to);
              status = r.value;
            } else {
              expect(r.error.reason.startsWith(`${def.type}.`)).toBe(true);
              expect(r.error.allowed).toEqual(def.machine.transitions[status] ?? []);
            }
            expect(statuses).toContain(status);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a broken case type is refused at startup', () => {
  const refuse = (def: CaseTypeDefinition, problem: RegExp) => {
    const registry = createCaseTypeRegistry();
    expect(() => registry.registerCaseType(def)).toThrow(CaseTypeError);
    expect(() => registry.registerCaseType(def)).toThrow(problem);
    expect(registry.list()).toEqual([]);
  };

  it('an unreachable status', () => {
    refuse(broken({ machine: { ...dealerInquiry.machine, transitions: { ...dealerInquiry.machine.transitions, limbo: ['done'] } } }), /'limbo' is unreachable/);
  });
  it('a transition to an unknown status', () => {
    refuse(broken({ machine: { ...dealerInquiry.machine, transitions: { ...dealerInquiry.machine.transitions, spam: ['deleted'] } } }), /unknown state 'deleted'/);
  });
  it('a loop from which no closed status can be reached', () => {
    refuse(
      broken({ machine: { name: 'dealer_inquiry', initial: 'new', transitions: { new: ['waiting', 'done'], waiting: ['stuck'], stuck: ['waiting'], done: [] }, terminal: ['done'] }, closedStatuses: ['done'] }),
      /no closed status can be reached from 'waiting'/,
    );
  });
  it('a terminal status that does not close the case, or a closed status outside the table', () => {
    refuse(broken({ closedStatuses: ['answered', 'spam'] }), /terminal status 'done' must be a closed status/);
    refuse(broken({ closedStatuses: ['done', 'archived'] }), /closed status 'archived' is not in the table/);
  });
  it('a machine named differently from its type, or a missing SLA', () => {
    refuse(broken({ type: 'dealer_question' }), /machine.name 'dealer_inquiry' must equal the type/);
    refuse(broken({ sla: { ...SLA, p2: undefined } as unknown as CaseTypeDefinition['sla'] }), /no SLA for priority p2/);
  });
  it('a type registered twice', () => {
    const registry = createCaseTypeRegistry();
    registry.registerCaseType(dealerInquiry);
    expect(() => registry.registerCaseType(dealerInquiry)).toThrow(/already registered/);
  });
  it('the app refuses to start with a bad type among its own', () => {
    const registry = createAppCaseTypes();
    expect(() => registry.registerCaseType({ ...(registry.list()[0] as CaseTypeDefinition) })).toThrow(CaseTypeError);
  });
});

describe('through HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a new type registered from outside src/cases opens, moves and is listed', async () => {
    t.app.services.caseTypes.registerCaseType(dealerInquiry);
    const types = (await t.as('agent', { method: 'GET', url: '/v1/case-types' })).json().items as Json[];
    expect(types.map((x) => x.type)).toContain('dealer_inquiry');
    const opened = await t.as('agent', { method: 'POST', url: '/v1/cases', payload: { type: 'dealer_inquiry', title: 'How do I list a pair of Jansen chairs?', subjects: { seller_id: 'sel_77' } } });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({ status: 'new', queue: 'dealer-support', priority: 'p4', next_states: ['answered', 'spam'] });
    const refused = await t.as('agent', { method: 'POST', url: `/v1/cases/${c.id}/transitions`, payload: { to: 'answered' } });
    expect(refused.json()).toMatchObject({ code: 'invalid_transition', reason: 'dealer_inquiry.answer_requires_note', allowed: ['answered', 'spam'] });
    const answered = await t.as('agent', { method: 'POST', url: `/v1/cases/${c.id}/transitions`, payload: { to: 'answered', note: 'Sent the listing guide.' } });
    expect(answered.json()).toMatchObject({ status: 'answered', closed: true });
    const listed = (await t.as('agent', { method: 'GET', url: '/v1/cases?type=dealer_inquiry' })).json();
    expect(listed.items.map((x: Json) => x.id)).toEqual([c.id]);
  });

  it('random sequences of requested moves never leave the table', async () => {
    // appeals move only through /v1/appeals (managed by enforcement; see test/http/enforcement.test.ts)
    const types = ((await t.as('agent', { method: 'GET', url: '/v1/case-types' })).json().items as Json[]).filter((x) => x.type !== 'appeal');
    await fc.assert(
      // conversation reviews move only through /v1/review (test/http/review.test.ts)
      fc.asyncProperty(fc.constantFrom(...types.filter((x) => x.type !== 'conversation_review')), fc.array(fc.oneof(fc.nat(12), fc.constantFrom('bogus', 'CLOSED', '')), { minLength: 1, maxLength: 8 }), async (type, picks) => {
        const statuses = type.statuses.map((s: Json) => s.name) as string[];
        const open = await t.as('admin', { method: 'POST', url: '/v1/cases', payload: { type: type.type, title: 'Random walk' } });
        const id = open.json().id as string;
        // With a note, an admin and one evidence file every guard of this wave's types is satisfied,
        // so exactly the moves the table allows succeed.
        await t.as('admin', { method: 'POST', url: `/v1/cases/${id}/evidence`, payload: { filename: 'e.txt', content_type: 'text/plain', content_base64: 'ZQ==' } });
        let status = type.initial as string;
        for (const pick of picks) {
          const to = typeof pick === 'number' ? statuses[pick % statuses.length]! : pick;
          const res = await t.as('admin', { method: 'POST', url: `/v1/cases/${id}/transitions`, payload: { to, note: 'because' } });
          const allowed = type.statuses.find((s: Json) => s.name === status).next as string[];
          if (to === '') expect(res.statusCode).toBe(400);
          else if (allowed.includes(to)) {
            expect(res.statusCode, res.body).toBe(200);
            status = to;
          } else {
            expect(res.statusCode, res.body).toBe(422);
            expect(res.json().allowed).toEqual(allowed);
          }
          const now = (await t.as('admin', { method: 'GET', url: `/v1/cases/${id}` })).json();
          expect(now.status).toBe(status);
          expect(statuses).toContain(now.status);
          expect(now.closed).toBe(type.statuses.find((s: Json) => s.name === status).closed);
          expect(now.closed_at === null).toBe(!now.closed);
        }
      }),
      { numRuns: 12, seed: 20261102 },
    );
  });
});
