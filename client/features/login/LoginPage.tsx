import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '#client/api/auth';
import { ApiError } from '#client/api/http';

type Credentials = { email: string; password: string };

/** The two fields, as the browser's password manager expects them. */
const FIELDS = [
  { name: 'email', type: 'email', autoComplete: 'username', autoFocus: true },
  { name: 'password', type: 'password', autoComplete: 'current-password' },
] as const;

/** Email + password sign-in. */
export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [form, setForm] = useState<Credentials>({ email: '', password: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(form);
  };
  const error =
    login.error instanceof ApiError
      ? login.error.status === 429
        ? t('login.rateLimited')
        : t('login.failed')
      : login.error
        ? String(login.error)
        : null;
  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        {FIELDS.map(({ name, ...input }) => (
          <label key={name}>
            {t(`login.${name}`)}
            <input
              {...input}
              required
              value={form[name]}
              onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
            />
          </label>
        ))}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={login.isPending}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
