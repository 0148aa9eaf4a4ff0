import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Banner, Button, TextField } from '../components';
import { BrandMark } from '../icons';
import { ApiError, errorMessage } from '../lib/api';
import { useSession } from '../lib/session';
import { useTitle } from '../lib/title';

export function SignIn({ expired }: { expired: boolean }) {
  useTitle('Sign in');
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  /** Set by a submit with an empty field; cleared as soon as the field is typed in. */
  const [missing, setMissing] = useState<{ email: boolean; password: boolean }>({ email: false, password: false });
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => emailRef.current?.focus(), []);
  useEffect(() => {
    if (waitUntil === null) return;
    const t = window.setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) setWaitUntil(null);
    }, 1000);
    return () => window.clearInterval(t);
  }, [waitUntil]);

  const waitSeconds = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));
  const emailMissing = missing.email && email.trim() === '' ? 'Enter your work email.' : undefined;
  const passwordMissing = missing.password && password === '' ? 'Enter your password.' : undefined;
  const api = error instanceof ApiError ? error : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const empty = { email: email.trim() === '', password: password === '' };
    setMissing(empty);
    if (empty.email) return emailRef.current?.focus();
    if (empty.password) return passwordRef.current?.focus();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(err as Error);
      if (err instanceof ApiError && err.status === 429) {
        setWaitUntil(Date.now() + (err.retryAfterSeconds ?? 60) * 1000);
        setNow(Date.now());
      } else {
        setPassword('');
        passwordRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  let message: string | null = null;
  if (api?.status === 429) message = `Too many sign-in attempts. Wait ${waitSeconds > 0 ? `${waitSeconds} second${waitSeconds === 1 ? '' : 's'}` : 'a moment'} and try again.`;
  else if (api?.status === 401) message = 'That email and password do not match an active account. Check both and try again.';
  else if (error !== null && api?.errors.length === 0) message = errorMessage(error);
  else if (error !== null && api === undefined) message = errorMessage(error);

  return (
    <div className="signin">
      <form className="signin-card" onSubmit={(e) => void submit(e)} noValidate aria-describedby={message !== null ? 'signin-error' : undefined}>
        <div className="signin-brand">
          <BrandMark />
          <h1>Sign in to Assay</h1>
        </div>
        <p className="signin-lead">Trust &amp; seller performance console</p>
        {expired && error === null && <Banner tone="info">Your session ended. Sign in again to carry on where you were.</Banner>}
        {message !== null && (
          <div className="banner banner-error" role="alert" id="signin-error">
            {message}
          </div>
        )}
        <TextField
          ref={emailRef}
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={emailMissing ?? api?.fieldError('email')}
          required
        />
        <TextField
          ref={passwordRef}
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={passwordMissing ?? api?.fieldError('password')}
          required
        />
        <Button type="submit" variant="primary" busy={busy} disabled={waitSeconds > 0}>
          {busy ? 'Signing in…' : waitSeconds > 0 ? `Try again in ${waitSeconds}s` : 'Sign in'}
        </Button>
        <p className="signin-foot">Accounts are created by an administrator.</p>
      </form>
    </div>
  );
}
