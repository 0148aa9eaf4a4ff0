import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dialog, Empty, ErrorBanner, PageHeader, QueryBody, TextArea, TextField } from '../../components';
import { Link } from '../../lib/router';
import { ApiError, api } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { useTitle } from '../../lib/title';
import type { ActivationDto, ActivationRequestDto, RuleSetCheckDto, RuleSetInfoDto, RuleSetReplayDto, RuleSwitchDto } from '../../types';

/** The name a version is asked for by: the checked-in rule set answers to `builtin`. */
const nameOf = (r: RuleSetInfoDto): string => (r.source === 'builtin' ? 'builtin' : r.version);

/**
 * Rule governance: the rule set scans use, the versions stored and what each may miss, four-eyes
 * activation, the one-step rollback, and the kill switch per rule. Every change goes through the
 * same audited API as the CLI's.
 */
export function RulesScreen() {
  useTitle('Rules');
  const me = useMe();
  const govern = can.governRules(me.role);
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['rules'] });
  const versions = useQuery({ queryKey: ['rules', 'versions'], queryFn: ({ signal }) => api.get<{ items: RuleSetInfoDto[] }>('/v1/rule-sets', { signal }) });
  const pending = useQuery({
    queryKey: ['rules', 'requests', 'pending'],
    queryFn: ({ signal }) => api.get<{ items: ActivationRequestDto[] }>('/v1/rule-sets/activation-requests', { query: { status: 'pending' }, signal }),
  });
  const history = useQuery({ queryKey: ['rules', 'activations'], queryFn: ({ signal }) => api.get<{ items: ActivationDto[] }>('/v1/rule-sets/activations', { query: { limit: 20 }, signal }) });
  const switches = useQuery({ queryKey: ['rules', 'switches'], queryFn: ({ signal }) => api.get<{ items: RuleSwitchDto[] }>('/v1/rules/switches', { signal }) });
  const active = versions.data?.items.find((v) => v.active);
  const [checking, setChecking] = useState<string | undefined>();
  const [replaying, setReplaying] = useState<RuleSetInfoDto | undefined>();
  /** The version asked for, and the reason the form starts with (a replay's figures). */
  const [requesting, setRequesting] = useState<{ version: string; reason: string } | undefined>();
  const [deciding, setDeciding] = useState<{ request: ActivationRequestDto; approve: boolean } | undefined>();
  const [rollingBack, setRollingBack] = useState(false);
  const [switching, setSwitching] = useState<{ ruleId: string; disabled: boolean } | undefined>();

  return (
    <div className="page">
      <PageHeader
        title="Rules"
        subtitle="The detection rule set scans use, its versions, who approved them, and rules switched off."
        actions={
          govern && (
            <>
              <Button onClick={() => setSwitching({ ruleId: '', disabled: true })}>Switch a rule off</Button>
              <Button onClick={() => setRollingBack(true)} disabled={(history.data?.items.length ?? 0) === 0}>
                Roll back
              </Button>
            </>
          )
        }
      />

      <section className="card" aria-labelledby="active-h">
        <div className="card-header">
          <h2 id="active-h">In use</h2>
        </div>
        <QueryBody query={versions} isEmpty={() => active === undefined} empty={<Empty title="No active rule set">The server has not answered with one.</Empty>}>
          {() => (
            <div className="card-body">
              <ActiveSummary info={active!} onCheck={() => setChecking(nameOf(active!))} />
            </div>
          )}
        </QueryBody>
      </section>

      <section className="card card-flush" aria-labelledby="requests-h">
        <div className="card-header">
          <h2 id="requests-h">Waiting for approval</h2>
          <span className="muted small">A version becomes active when another manager or administrator approves it (within 72 hours)</span>
        </div>
        <QueryBody query={pending} isEmpty={(d) => d.items.length === 0} empty={<Empty title="Nothing waiting">Requests to activate a version appear here until someone else decides them.</Empty>}>
          {(d) => (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Asked by</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Expires</th>
                    {govern && (
                      <th scope="col">
                        <span className="visually-hidden">Decision</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((r) => (
                    <tr key={r.id}>
                      <td className="mono">{r.version}</td>
                      <td>
                        {r.requested_by_name}
                        <div className="muted small">{formatDateTime(r.requested_at)}</div>
                      </td>
                      <td>{r.reason}</td>
                      <td className="muted nowrap">{formatDateTime(r.expires_at)}</td>
                      {govern && (
                        <td className="num nowrap">
                          {r.requested_by === me.id ? (
                            <span className="muted small">Another person decides</span>
                          ) : (
                            <div className="row row-end">
                              <Button size="sm" onClick={() => setDeciding({ request: r, approve: false })}>
                                Reject
                              </Button>
                              <Button size="sm" variant="primary" onClick={() => setDeciding({ request: r, approve: true })}>
                                Approve {r.version}
                              </Button>
                            </div>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
      </section>

      <section className="card card-flush" aria-labelledby="versions-h">
        <div className="card-header">
          <h2 id="versions-h">Versions</h2>
          <span className="muted small">
            New versions are stored with <code>POST /v1/rule-sets</code> or checked first with <code>assay rules check FILE</code>
          </span>
        </div>
        <QueryBody query={versions} isEmpty={(d) => d.items.length === 0} empty={<Empty title="No versions">The checked-in rule set is always here.</Empty>}>
          {(d) => (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Source</th>
                    <th scope="col">Stored</th>
                    <th scope="col">State</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((v) => (
                    <tr key={`${v.source}:${v.version}`}>
                      <td className="mono">{v.version}</td>
                      <td>{v.source === 'builtin' ? 'Checked in with the code' : 'Stored'}</td>
                      <td className="muted nowrap">{formatDateTime(v.created_at)}</td>
                      <td>{v.active ? <Badge tone="success">In use</Badge> : <Badge>Inactive</Badge>}</td>
                      <td className="num nowrap">
                        <div className="row row-end">
                          <Button size="sm" onClick={() => setChecking(nameOf(v))} aria-label={`Check ${v.version}`}>
                            Check
                          </Button>
                          <Button size="sm" onClick={() => setReplaying(v)} aria-label={`Replay ${v.version}`}>
                            Replay
                          </Button>
                          {govern && !v.active && (
                            <Button size="sm" onClick={() => setRequesting({ version: nameOf(v), reason: '' })} aria-label={`Ask to activate ${v.version}`}>
                              Ask to activate
                            </Button>
                          )}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
      </section>

      <section className="card card-flush" aria-labelledby="switches-h">
        <div className="card-header">
          <h2 id="switches-h">Kill switch</h2>
          <span className="muted small">A rule switched off has its hits dropped from every scan at once</span>
        </div>
        <QueryBody query={switches} isEmpty={(d) => d.items.length === 0} empty={<Empty title="No rule switched off">Switch a rule off when it floods the queues; its hits come back when it is switched on.</Empty>}>
          {(d) => (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Rule</th>
                    <th scope="col">State</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Changed</th>
                    {govern && (
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((s) => (
                    <tr key={s.rule_id}>
                      <td className="mono">{s.rule_id}</td>
                      <td>{s.disabled ? <Badge tone="danger">Off</Badge> : <Badge tone="success">On</Badge>}</td>
                      <td>{s.reason}</td>
                      <td className="muted nowrap">{formatDateTime(s.changed_at)}</td>
                      {govern && (
                        <td className="num">
                          <Button size="sm" onClick={() => setSwitching({ ruleId: s.rule_id, disabled: !s.disabled })} aria-label={`Switch ${s.rule_id} ${s.disabled ? 'on' : 'off'}`}>
                            {s.disabled ? 'Switch on' : 'Switch off'}
                          </Button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
      </section>

      <section className="card card-flush" aria-labelledby="history-h">
        <div className="card-header">
          <h2 id="history-h">Activation history</h2>
          <span className="muted small">Newest first: a rollback goes back along it</span>
        </div>
        <QueryBody query={history} isEmpty={(d) => d.items.length === 0} empty={<Empty title="No activations yet">The checked-in rule set has been in use since the start.</Empty>}>
          {(d) => (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Version</th>
                    <th scope="col">Before</th>
                    <th scope="col">How</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((a) => (
                    <tr key={`${a.at}:${a.version}`}>
                      <td className="muted nowrap">{formatDateTime(a.at)}</td>
                      <td className="mono">{a.version}</td>
                      <td className="mono muted">{a.previous_version}</td>
                      <td>{a.how === 'rollback' ? <Badge tone="warning">Rollback</Badge> : <Badge tone="accent">Approved</Badge>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryBody>
      </section>

      <CheckDialog version={checking} onClose={() => setChecking(undefined)} />
      <ReplayDialog
        key={replaying === undefined ? 'closed' : nameOf(replaying)}
        info={replaying}
        onClose={() => setReplaying(undefined)}
        onAsk={
          govern && replaying !== undefined && !replaying.active
            ? (reason) => {
                setRequesting({ version: nameOf(replaying), reason });
                setReplaying(undefined);
              }
            : undefined
        }
      />
      {govern && (
        <>
          <ReasonDialog
            open={requesting !== undefined}
            title={`Ask to activate ${requesting?.version ?? ''}`}
            label="Why this version"
            initial={requesting?.reason}
            action="Ask for approval"
            intro="Another manager or administrator approves or rejects the request; it expires after 72 hours."
            onClose={() => setRequesting(undefined)}
            submit={(reason) => api.post(`/v1/rule-sets/${encodeURIComponent(requesting!.version)}/activation-requests`, { reason })}
            onDone={refresh}
          />
          <ReasonDialog
            open={deciding !== undefined}
            title={deciding === undefined ? '' : `${deciding.approve ? 'Approve' : 'Reject'} ${deciding.request.version}`}
            label={deciding?.approve === true ? 'Note (optional)' : 'Why not'}
            optional={deciding?.approve === true}
            action={deciding?.approve === true ? 'Approve: scans use it at once' : 'Reject'}
            intro={deciding === undefined ? undefined : `${deciding.request.requested_by_name} asked: ${deciding.request.reason}`}
            onClose={() => setDeciding(undefined)}
            submit={(note) => {
              const d = deciding!;
              const url = `/v1/rule-sets/activation-requests/${encodeURIComponent(d.request.id)}/${d.approve ? 'approve' : 'reject'}`;
              return api.post(url, d.approve && note === '' ? {} : { note });
            }}
            onDone={refresh}
          />
          <ReasonDialog
            open={rollingBack}
            title="Roll back one step"
            label="Why"
            action={`Roll back to ${history.data?.items[0]?.previous_version ?? 'the version before'}`}
            intro="For an emergency: scans go back at once to the version in use before the last activation, without a second person."
            onClose={() => setRollingBack(false)}
            submit={(reason) => api.post('/v1/rule-sets/rollback', { reason })}
            onDone={refresh}
          />
          <SwitchDialog value={switching} onClose={() => setSwitching(undefined)} onDone={refresh} />
        </>
      )}
    </div>
  );
}

function ActiveSummary({ info, onCheck }: { info: RuleSetInfoDto; onCheck: () => void }) {
  const check = useQuery({ queryKey: ['rules', 'check', nameOf(info)], queryFn: ({ signal }) => api.get<RuleSetCheckDto>(`/v1/rule-sets/${encodeURIComponent(nameOf(info))}/check`, { signal }) });
  return (
    <dl className="facts rule-facts">
      <Fact label="Version">
        <span className="mono">{info.version}</span> {info.source === 'builtin' && <span className="muted">(checked in with the code)</span>}
      </Fact>
      <Fact label="In use since">{info.activated_at === null ? 'the start' : formatDateTime(info.activated_at)}</Fact>
      <Fact label="Phrase rules">{check.data === undefined ? '…' : `${formatNumber(check.data.phrase_rules)} rules, ${formatNumber(check.data.patterns)} patterns, ${formatNumber(check.data.trigger_words)} trigger words`}</Fact>
      <Fact label="Warnings">
        {check.data === undefined ? (
          '…'
        ) : (
          <>
            {check.data.warnings.length === 0 ? 'None' : `${check.data.warnings.length} `}
            {check.data.warnings.length > 0 && (
              <Button size="sm" onClick={onCheck}>
                Show
              </Button>
            )}
          </>
        )}
      </Fact>
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A version's warnings: the holes it may have, each with the JSON path and an example match. */
function CheckDialog({ version, onClose }: { version: string | undefined; onClose: () => void }) {
  const check = useQuery({
    queryKey: ['rules', 'check', version],
    queryFn: ({ signal }) => api.get<RuleSetCheckDto>(`/v1/rule-sets/${encodeURIComponent(version!)}/check`, { signal }),
    enabled: version !== undefined,
  });
  return (
    <Dialog open={version !== undefined} onClose={onClose} title={`Check of ${version ?? ''}`} wide>
      <QueryBody query={check} isEmpty={() => false} empty={null} loadingLabel="Checking the rule set…">
        {(c) => (
          <>
            <p>
              {formatNumber(c.phrase_rules)} phrase rules, {formatNumber(c.patterns)} patterns, {formatNumber(c.trigger_words)} trigger words.{' '}
              {c.warnings.length === 0
                ? 'Every trigger is read and every pattern needs one of its triggers.'
                : `${c.warnings.length} warning${c.warnings.length === 1 ? '' : 's'}: a phrase rule wakes only where one of its trigger words occurs, so a match without one is found only beside another rule's trigger.`}
            </p>
            {c.warnings.length > 0 && (
              <ul className="warning-list" aria-label="Warnings">
                {c.warnings.map((w) => (
                  <li key={`${w.field}:${w.reason}`}>
                    <code>{w.field}</code> {w.reason}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryBody>
      <div className="dialog-footer">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}

/** A dialog asking for a reason (or a note), then calling `submit`; field errors from the API are shown beside the field. */
function ReasonDialog(props: {
  open: boolean;
  title: string;
  label: string;
  action: string;
  intro?: string | undefined;
  /** What the field holds when the dialog opens. */
  initial?: string | undefined;
  optional?: boolean;
  onClose: () => void;
  submit: (reason: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const [opened, setOpened] = useState(false);
  // the starting text is taken each time the dialog opens (state adjusted while rendering, as React advises over an effect)
  if (props.open !== opened) {
    setOpened(props.open);
    if (props.open) setReason(props.initial ?? '');
  }
  const run = useMutation({ mutationFn: () => props.submit(reason.trim()), onSuccess: () => (props.onDone(), close()) });
  const e = run.error instanceof ApiError ? run.error : undefined;
  const close = () => {
    run.reset();
    setReason('');
    props.onClose();
  };
  const send = (ev: FormEvent) => {
    ev.preventDefault();
    run.mutate();
  };
  return (
    <Dialog open={props.open} onClose={close} title={props.title}>
      <form onSubmit={send} noValidate>
        {props.intro !== undefined && <p style={{ marginBottom: 12 }}>{props.intro}</p>}
        {run.isError && (e === undefined || e.errors.length === 0) && <ErrorBanner error={run.error} />}
        <TextArea label={props.label} value={reason} onChange={(ev) => setReason(ev.target.value)} error={e?.fieldError('reason') ?? e?.fieldError('note')} required={props.optional !== true} rows={3} />
        <div className="dialog-footer">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" busy={run.isPending} disabled={props.optional !== true && reason.trim() === ''}>
            {props.action}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function SwitchDialog({ value, onClose, onDone }: { value: { ruleId: string; disabled: boolean } | undefined; onClose: () => void; onDone: () => void }) {
  const [ruleId, setRuleId] = useState('');
  const [reason, setReason] = useState('');
  const fixed = value !== undefined && value.ruleId !== '';
  const id = fixed ? value.ruleId : ruleId.trim();
  const run = useMutation({
    mutationFn: () => api.put<RuleSwitchDto>(`/v1/rules/${encodeURIComponent(id)}/switch`, { disabled: value!.disabled, reason: reason.trim() }),
    onSuccess: () => (onDone(), close()),
  });
  const e = run.error instanceof ApiError ? run.error : undefined;
  const close = () => {
    run.reset();
    setRuleId('');
    setReason('');
    onClose();
  };
  const send = (ev: FormEvent) => {
    ev.preventDefault();
    run.mutate();
  };
  const off = value?.disabled !== false;
  return (
    <Dialog open={value !== undefined} onClose={close} title={fixed ? `Switch ${value.ruleId} ${off ? 'off' : 'on'}` : 'Switch a rule off'}>
      <form onSubmit={send} noValidate>
        <p style={{ marginBottom: 12 }}>
          {off ? "The rule's hits are dropped from every scan at once, and it can no longer decide a violation on its own." : "The rule's hits count again from the next scan."}
        </p>
        {run.isError && (e === undefined || e.errors.length === 0) && <ErrorBanner error={run.error} />}
        {!fixed && (
          <TextField label="Rule id" value={ruleId} onChange={(ev) => setRuleId(ev.target.value)} error={e?.fieldError('rule_id')} hint="As hits carry it, e.g. phone.bare or intent.avoid_fees.en" required />
        )}
        <TextArea label="Reason" value={reason} onChange={(ev) => setReason(ev.target.value)} error={e?.fieldError('reason')} required rows={3} />
        <div className="dialog-footer">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant={off ? 'danger' : 'primary'} busy={run.isPending} disabled={id === '' || reason.trim() === ''}>
            {off ? 'Switch off' : 'Switch on'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** How many of the conversations a replay would send to review are listed. */
const REPLAY_SAMPLE = 25;
/** How many rules without review decisions are named before "and N more". */
const UNKNOWN_NAMED = 5;

/** A UTC date `days` before now, as a date field holds it. */
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const signed = (n: number): string => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '0');
const period = (r: RuleSetReplayDto): string => `${formatDate(r.since)} – ${r.until === null ? 'now' : formatDate(r.until)}`;

/** The replay's figures in a sentence, as the request for activation starts with them. */
function replaySummary(r: RuleSetReplayDto): string {
  const precision = r.expected_precision === null ? 'unknown' : formatPercent(r.expected_precision);
  return (
    `Replayed over ${formatNumber(r.scanned)} messages (${period(r)}): ${formatNumber(r.would_open)} conversations to review against ` +
    `${formatNumber(r.currently_open)} today (${signed(r.newly_opened)} new, ${formatNumber(r.no_longer_opened)} no longer); expected precision ${precision}. `
  );
}

/**
 * A version replayed over the stored messages of a period (POST /v1/rule-sets/:version/replay):
 * the conversations it would send to review against the results stored now, each rule's hits
 * against today's, and the precision past review decisions let us expect. Nothing is stored. A
 * manager may go on to ask for the version's activation with these figures in the request.
 */
function ReplayDialog({ info, onClose, onAsk }: { info: RuleSetInfoDto | undefined; onClose: () => void; onAsk: ((reason: string) => void) | undefined }) {
  const [since, setSince] = useState(() => daysAgo(30));
  const [until, setUntil] = useState('');
  const run = useMutation({
    mutationFn: () =>
      api.post<RuleSetReplayDto>(`/v1/rule-sets/${encodeURIComponent(nameOf(info!))}/replay`, { since, ...(until === '' ? {} : { until }), sample: REPLAY_SAMPLE }),
  });
  const e = run.error instanceof ApiError ? run.error : undefined;
  const send = (ev: FormEvent) => {
    ev.preventDefault();
    run.mutate();
  };
  const r = run.data;
  return (
    <Dialog open={info !== undefined} onClose={onClose} title={`Replay of ${info?.version ?? ''}`} wide>
      <form onSubmit={send} noValidate>
        <p style={{ marginBottom: 12 }}>
          Scans the messages stored for a period with this version and compares the outcome with the results stored now. Nothing is stored; today&apos;s kill switches apply.
        </p>
        {run.isError && (e === undefined || e.errors.length === 0) && <ErrorBanner error={run.error} />}
        <div className="row replay-range">
          <TextField label="From" type="date" value={since} onChange={(ev) => setSince(ev.target.value)} error={e?.fieldError('since')} required />
          <TextField label="To (included)" type="date" value={until} onChange={(ev) => setUntil(ev.target.value)} error={e?.fieldError('until')} hint="Empty: up to now" />
          <Button type="submit" variant="primary" busy={run.isPending} disabled={since === ''}>
            Replay
          </Button>
        </div>
      </form>
      {r !== undefined && <ReplayReport r={r} />}
      <div className="dialog-footer">
        <Button onClick={onClose}>Close</Button>
        {onAsk !== undefined && r !== undefined && (
          <Button variant="primary" onClick={() => onAsk(replaySummary(r))}>
            Ask to activate {r.version}
          </Button>
        )}
      </div>
    </Dialog>
  );
}

function ReplayReport({ r }: { r: RuleSetReplayDto }) {
  const [unchangedToo, setUnchangedToo] = useState(false);
  const changed = r.rules.filter((x) => x.hits !== x.stored_hits);
  // the largest changes first, then the rules that fire most
  const rules = (unchangedToo ? [...r.rules] : changed).sort(
    (a, b) => Math.abs(b.hits - b.stored_hits) - Math.abs(a.hits - a.stored_hits) || b.hits - a.hits || a.rule_id.localeCompare(b.rule_id),
  );
  const unknownNamed = r.unknown_rules.slice(0, UNKNOWN_NAMED).join(', ');
  const unknownMore = r.unknown_rules.length - UNKNOWN_NAMED;
  return (
    <section className="replay-report" aria-label="Replay report">
      <p>
        {formatNumber(r.scanned)} messages in {formatNumber(r.conversations)} conversations, {period(r)}.
      </p>
      <dl className="facts replay-facts">
        <Fact label="Sent to review">
          <strong>{formatNumber(r.would_open)}</strong> conversations <span className="muted">(with the results stored now: {formatNumber(r.currently_open)})</span>
        </Fact>
        <Fact label="Newly sent">{signed(r.newly_opened)}</Fact>
        <Fact label="No longer sent">{formatNumber(r.no_longer_opened)}</Fact>
        <Fact label="Before the cutoff">{formatNumber(r.historical_flagged)} messages flagged that are older than the enforcement cutoff (never enforced)</Fact>
        <Fact label="Expected precision">
          {r.expected_precision === null ? 'Unknown: none of the rules that fire has review decisions yet' : formatPercent(r.expected_precision)}
          {r.unknown_rules.length > 0 && r.expected_precision !== null && (
            <div className="muted small">
              {formatPercent(r.unknown_share)} of the hits come from rules without review decisions: {unknownNamed}
              {unknownMore > 0 && ` and ${formatNumber(unknownMore)} more`}
            </div>
          )}
        </Fact>
      </dl>

      <div className="row">
        <h3>Rules</h3>
        <span className="spacer" />
        <label className="checkbox">
          <input type="checkbox" checked={unchangedToo} onChange={(ev) => setUnchangedToo(ev.target.checked)} /> Show unchanged rules too
        </label>
      </div>
      <p className="muted small">Each rule&apos;s hits with this version against the results stored now; its precision is what past review decisions on its hits found (violations of those decided).</p>
      {rules.length === 0 ? (
        <p className="muted">{r.rules.length === 0 ? 'No rule fires on these messages.' : `Every rule fires as often as in the results stored now (${formatNumber(r.rules.length)} rules fire).`}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Hits per rule">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col" className="num">
                  Hits
                </th>
                <th scope="col" className="num">
                  Stored now
                </th>
                <th scope="col" className="num">
                  Change
                </th>
                <th scope="col" className="num">
                  Decided
                </th>
                <th scope="col" className="num">
                  Precision
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((x) => (
                <tr key={x.rule_id}>
                  <td className="mono">{x.rule_id}</td>
                  <td className="num">{formatNumber(x.hits)}</td>
                  <td className="num">{formatNumber(x.stored_hits)}</td>
                  <td className="num">{signed(x.hits - x.stored_hits)}</td>
                  <td className="num">{formatNumber(x.decided)}</td>
                  <td className="num">{x.expected_precision === null ? <span className="muted">unknown</span> : formatPercent(x.expected_precision)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Conversations it would send to review</h3>
      {r.sample.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Conversations it would send to review">
            <thead>
              <tr>
                <th scope="col">Conversation</th>
                <th scope="col">Verdict</th>
                <th scope="col" className="num">
                  Messages
                </th>
                <th scope="col">Rules</th>
                <th scope="col">Today</th>
              </tr>
            </thead>
            <tbody>
              {r.sample.map((c) => (
                <tr key={c.conversation_id}>
                  <td className="mono">
                    <Link to={`/conversations/${encodeURIComponent(c.conversation_id)}`}>{c.conversation_id}</Link>
                  </td>
                  <td>{c.verdict === 'violation' ? <Badge tone="danger">Violation</Badge> : <Badge tone="warning">Review</Badge>}</td>
                  <td className="num">{formatNumber(c.messages)}</td>
                  <td className="mono small">{c.rules.join(', ')}</td>
                  <td className="nowrap">{c.already_flagged ? <span className="muted">Flagged already</span> : <Badge tone="accent">New</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.would_open > r.sample.length && (
            <p className="muted small" style={{ marginTop: 8 }}>
              The first {formatNumber(r.sample.length)} of {formatNumber(r.would_open)}, newly sent first.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
