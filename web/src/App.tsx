import { Suspense, lazy, useEffect, useRef, useState, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { Button, Dialog, Kbd, Loading } from './components';
import { BrandMark, IconBook, IconChart, IconCases, IconKey, IconQueues, IconReview, IconRules, IconScale, IconSearch, IconSellers, IconShield, IconSignOut, IconUsers, IconWebhook } from './icons';
import { Link, matchPath, navigate, useLocation } from './lib/router';
import { can, useMe, useSession, type Me, type Role } from './lib/session';
import { shortcutRegistry, useHotkeys } from './lib/hotkeys';
import { SignIn } from './screens/SignIn';
import { QueuesScreen } from './screens/Queues';
import { CasesScreen } from './screens/Cases';
import { CaseDetailScreen } from './screens/CaseDetail';
import { ConversationScreen } from './screens/Conversation';
import { SellersScreen } from './screens/Sellers';
import { SellerScreen } from './screens/SellerProfile';
import { ListingScreen } from './screens/Listing';
import { ReviewQueuesScreen } from './screens/ReviewQueues';
import { ReviewScreen } from './screens/Review';
import { PoliciesScreen } from './screens/Policies';
import { InvestigationsScreen } from './screens/Investigations';
import { InvestigationScreen } from './screens/Investigation';
import { mayDecideAppeals } from './lib/appeals';
import { GlobalSearch } from './GlobalSearch';

type ScreenProps = { params: Record<string, string> };
/** A screen in a chunk of its own, fetched on the first visit: the dashboard's charts, appeals and the admin screens stay out of the first load. */
function later<M>(load: () => Promise<M>, pick: (m: M) => ComponentType<ScreenProps>): ComponentType<ScreenProps> {
  const Screen = lazy(async () => ({ default: pick(await load()) }));
  // its own boundary: the loading indicator while its chunk arrives, the eager screens untouched
  return function LaterScreen(props: ScreenProps) {
    return (
      <Suspense fallback={<Loading />}>
        <Screen {...props} />
      </Suspense>
    );
  };
}
const DashboardScreen = later(() => import('./screens/Dashboard'), (m) => m.DashboardScreen);
const AppealsScreen = later(() => import('./screens/Appeals'), (m) => m.AppealsScreen);
const AppealScreen = later(() => import('./screens/Appeals'), (m) => m.AppealScreen);
const UsersScreen = later(() => import('./screens/admin/Users'), (m) => m.UsersScreen);
const TokensScreen = later(() => import('./screens/admin/Tokens'), (m) => m.TokensScreen);
const WebhooksScreen = later(() => import('./screens/admin/Webhooks'), (m) => m.WebhooksScreen);
const AuditScreen = later(() => import('./screens/admin/Audit'), (m) => m.AuditScreen);
const RulesScreen = later(() => import('./screens/admin/Rules'), (m) => m.RulesScreen);

interface RouteDef {
  readonly path: string;
  readonly allow: (r: Role) => boolean;
  readonly screen: ComponentType<ScreenProps>;
}

const ROUTES: readonly RouteDef[] = [
  { path: '/dashboard', allow: can.seeDashboard, screen: DashboardScreen },
  { path: '/review', allow: can.review, screen: ReviewQueuesScreen },
  { path: '/review/:id', allow: can.review, screen: ReviewScreen },
  { path: '/policies', allow: can.readPolicies, screen: PoliciesScreen },
  { path: '/policies/:slug', allow: can.readPolicies, screen: PoliciesScreen },
  { path: '/queues', allow: can.seeQueues, screen: QueuesScreen },
  { path: '/cases', allow: can.seeCases, screen: CasesScreen },
  { path: '/cases/:id', allow: can.seeCases, screen: CaseDetailScreen },
  { path: '/investigations', allow: can.seeMarketplace, screen: InvestigationsScreen },
  { path: '/investigations/:case_id', allow: can.seeMarketplace, screen: InvestigationScreen },
  { path: '/appeals', allow: mayDecideAppeals, screen: AppealsScreen },
  { path: '/appeals/:case_id', allow: mayDecideAppeals, screen: AppealScreen },
  { path: '/conversations/:id', allow: can.seeMarketplace, screen: ConversationScreen },
  { path: '/sellers', allow: can.seeMarketplace, screen: SellersScreen },
  { path: '/sellers/:id', allow: can.seeMarketplace, screen: SellerScreen },
  { path: '/listings/:id', allow: can.seeMarketplace, screen: ListingScreen },
  { path: '/admin/rules', allow: can.seeRules, screen: RulesScreen },
  { path: '/admin/users', allow: can.readUsers, screen: UsersScreen },
  { path: '/admin/tokens', allow: can.tokens, screen: TokensScreen },
  { path: '/admin/webhooks', allow: can.readWebhooks, screen: WebhooksScreen },
  { path: '/admin/audit', allow: can.readAudit, screen: AuditScreen },
];

function homeFor(role: Role): string {
  // Reviewers start where the work is; managers and admins on the dashboard; legal on the case queues.
  if (role === 'agent' || role === 'senior' || role === 'vendor') return '/review';
  if (role === 'manager' || role === 'admin') return '/dashboard';
  if (can.seeQueues(role)) return '/queues';
  if (can.tokens(role)) return '/admin/tokens';
  return '/no-access';
}

export function App() {
  const { state, retry } = useSession();
  if (state.status === 'loading') {
    return (
      <div className="signin">
        <Loading label="Opening Assay…" />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="signin">
        <div className="signin-card">
          <div className="signin-brand">
            <BrandMark />
            <h1>Assay</h1>
          </div>
          <div className="banner banner-error" role="alert">
            <strong>The server could not be reached</strong>
            <span>{state.message}</span>
          </div>
          <Button variant="primary" onClick={retry}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  if (state.status === 'signed-out') return <SignIn expired={state.expired} />;
  return <Shell />;
}

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly icon: ComponentType<{ className?: string }>;
  readonly allow: (r: Role) => boolean;
  /** Other paths that light this item up. */
  readonly also?: readonly string[];
}

function navFor(role: Role): { heading?: string; items: NavItem[] }[] {
  const vendor = role === 'vendor';
  const work: NavItem[] = [
    { to: '/dashboard', label: 'Dashboard', icon: IconChart, allow: can.seeDashboard },
    { to: '/review', label: 'Review', icon: IconReview, allow: can.review, also: ['/review/:id'] },
    { to: '/queues', label: 'Queues', icon: IconQueues, allow: (r) => !vendor && can.seeQueues(r) },
    { to: '/cases', label: 'Cases', icon: IconCases, allow: can.seeCases, also: ['/cases/:id'] },
    { to: '/investigations', label: 'Investigations', icon: IconSearch, allow: can.seeMarketplace, also: ['/investigations/:case_id'] },
    { to: '/appeals', label: 'Appeals', icon: IconScale, allow: mayDecideAppeals, also: ['/appeals/:case_id'] },
    { to: '/sellers', label: 'Sellers', icon: IconSellers, allow: can.seeMarketplace, also: ['/sellers/:id', '/listings/:id', '/conversations/:id'] },
    { to: '/policies', label: 'Policies', icon: IconBook, allow: can.readPolicies, also: ['/policies/:slug'] },
  ];
  const admin: NavItem[] = [
    { to: '/admin/rules', label: 'Rules', icon: IconRules, allow: can.seeRules },
    { to: '/admin/users', label: 'Users', icon: IconUsers, allow: can.readUsers },
    { to: '/admin/tokens', label: 'API tokens', icon: IconKey, allow: can.tokens },
    { to: '/admin/webhooks', label: 'Webhooks', icon: IconWebhook, allow: can.readWebhooks },
    { to: '/admin/audit', label: 'Audit', icon: IconShield, allow: can.readAudit },
  ];
  return [
    { items: work.filter((i) => i.allow(role)) },
    { heading: 'Administration', items: admin.filter((i) => i.allow(role)) },
  ].filter((s) => s.items.length > 0);
}

const ROLE_LABEL: Record<Role, string> = {
  admin: 'Administrator',
  manager: 'Manager',
  senior: 'Senior reviewer',
  agent: 'Agent',
  legal: 'Legal',
  vendor: 'Vendor reviewer',
  integration: 'Integration',
};

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1]![0]! : '')).toUpperCase();
}

function Shell() {
  const me = useMe();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [pendingG, setPendingG] = useState(false);
  const pageShortcuts = useSyncExternalStore(shortcutRegistry.subscribe, shortcutRegistry.get);

  useEffect(() => {
    if (pathname === '/' || pathname === '/signin') navigate(homeFor(me.role), { replace: true });
  }, [pathname, me.role]);

  // Move focus to the page on navigation so keyboard and screen-reader users start at the top.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    mainRef.current?.scrollTo({ top: 0 });
  }, [pathname]);

  useHotkeys({
    '?': () => setHelpOpen(true),
    // A screen with its own search field (the policy browser) keeps "/" for it.
    '/': () => {
      const own = document.querySelector<HTMLElement>('[data-page-search]');
      (own ?? searchRef.current)?.focus();
    },
    g: () => {
      setPendingG(true);
      window.setTimeout(() => setPendingG(false), 1200);
    },
    ...(pendingG
      ? {
          q: () => {
            setPendingG(false);
            navigate('/queues');
          },
          r: () => {
            setPendingG(false);
            if (can.review(me.role)) navigate('/review');
          },
          p: () => {
            setPendingG(false);
            if (can.readPolicies(me.role)) navigate('/policies');
          },
          c: () => {
            setPendingG(false);
            navigate('/cases');
          },
          s: () => {
            setPendingG(false);
            if (can.seeMarketplace(me.role)) navigate('/sellers');
          },
          i: () => {
            setPendingG(false);
            if (can.seeMarketplace(me.role)) navigate('/investigations');
          },
          d: () => {
            setPendingG(false);
            if (can.seeDashboard(me.role)) navigate('/dashboard');
          },
        }
      : {}),
  });

  let content: ReactNode = <NotFound />;
  for (const r of ROUTES) {
    const params = matchPath(r.path, pathname);
    if (params === null) continue;
    content = r.allow(me.role) ? <r.screen key={pathname} params={params} /> : <NoAccess me={me} />;
    break;
  }
  if (pathname === '/no-access') content = <NoAccess me={me} />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar" aria-label="Main navigation">
        <div className="brand">
          <BrandMark />
          Assay
        </div>
        <GlobalSearch ref={searchRef} />
        <nav className="nav">
          {navFor(me.role).map((section, i) => (
            <div className="nav-section" key={section.heading ?? i}>
              {section.heading !== undefined && <div className="nav-heading">{section.heading}</div>}
              {section.items.map((item) => {
                const active = pathname === item.to || (item.also ?? []).some((p) => matchPath(p, pathname) !== null);
                return (
                  <Link key={item.to} to={item.to} aria-current={active ? 'page' : undefined}>
                    <item.icon className="nav-icon" />
                    {item.label}
                  </Link>
                );
              })}
            </div>
          ))}
        </nav>
        <div className="sidebar-foot">
          <span className="avatar" aria-hidden="true">
            {initials(me.name)}
          </span>
          <div className="me">
            <div className="me-name" title={me.name}>
              {me.name}
            </div>
            <div className="me-role">{ROLE_LABEL[me.role]}</div>
          </div>
          <Button variant="ghost" size="sm" onClick={() => void signOut()} aria-label="Sign out" title="Sign out">
            <IconSignOut className="nav-icon" />
          </Button>
        </div>
      </aside>
      <main id="main" className="main" ref={mainRef} tabIndex={-1}>
        {content}
      </main>
      <Dialog open={helpOpen} onClose={() => setHelpOpen(false)} title="Keyboard shortcuts" footer={<Button onClick={() => setHelpOpen(false)}>Close</Button>}>
        {pageShortcuts !== null && (
          <>
            <h3 className="shortcuts-h">{pageShortcuts.title}</h3>
            <dl className="shortcuts">
              {pageShortcuts.items.map((it) => (
                <div key={it.text} style={{ display: 'contents' }}>
                  <dt>
                    {it.keys.map((k) => (
                      <Kbd key={k}>{k}</Kbd>
                    ))}
                  </dt>
                  <dd>{it.text}</dd>
                </div>
              ))}
            </dl>
            <h3 className="shortcuts-h">Everywhere</h3>
          </>
        )}
        <dl className="shortcuts">
          <dt>
            <Kbd>/</Kbd>
          </dt>
          <dd>Search sellers, listings, conversations and cases</dd>
          <dt>
            <Kbd>g</Kbd> <Kbd>d</Kbd>
          </dt>
          <dd>Go to the dashboard</dd>
          <dt>
            <Kbd>g</Kbd> <Kbd>r</Kbd>
          </dt>
          <dd>Go to review</dd>
          <dt>
            <Kbd>g</Kbd> <Kbd>q</Kbd>
          </dt>
          <dd>Go to queues</dd>
          <dt>
            <Kbd>g</Kbd> <Kbd>p</Kbd>
          </dt>
          <dd>Go to policies</dd>
          <dt>
            <Kbd>g</Kbd> <Kbd>c</Kbd>
          </dt>
          <dd>Go to cases</dd>
          <dt>
            <Kbd>g</Kbd> <Kbd>i</Kbd>
          </dt>
          <dd>Go to investigations</dd>
          <dt>
            <Kbd>j</Kbd> <Kbd>k</Kbd>
          </dt>
          <dd>Next / previous case in a list</dd>
          <dt>
            <Kbd>Enter</Kbd>
          </dt>
          <dd>Open the selected case</dd>
          {pageShortcuts === null && (
            <>
              <dt>
                <Kbd>1</Kbd>–<Kbd>9</Kbd>
              </dt>
              <dd>On a case: move it to the numbered status</dd>
              <dt>
                <Kbd>a</Kbd>
              </dt>
              <dd>On a case: assign it to me</dd>
              <dt>
                <Kbd>c</Kbd>
              </dt>
              <dd>On a case: write a note</dd>
              <dt>
                <Kbd>u</Kbd>
              </dt>
              <dd>On a case: back to the list</dd>
            </>
          )}
          <dt>
            <Kbd>?</Kbd>
          </dt>
          <dd>Show this help</dd>
          <dt>
            <Kbd>Esc</Kbd>
          </dt>
          <dd>Close a dialog</dd>
        </dl>
      </Dialog>
    </div>
  );
}

function NotFound() {
  return (
    <div className="page not-found">
      <h1>Page not found</h1>
      <p className="muted" style={{ marginTop: 6 }}>
        There is nothing at this address. <Link to="/">Go to the start page</Link>.
      </p>
    </div>
  );
}

function NoAccess({ me }: { me: Me }) {
  return (
    <div className="page not-found">
      <h1>Not available to your role</h1>
      <p className="muted" style={{ marginTop: 6 }}>
        The {ROLE_LABEL[me.role].toLowerCase()} role cannot open this page. Ask an administrator if you need it.
      </p>
    </div>
  );
}
