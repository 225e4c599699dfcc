import { ROLES, type Role } from '@raqib/core';
import type { ReactNode } from 'react';
import { useSession } from '../auth/session.tsx';
import { useLocale } from '../i18n/locale.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { LanguageToggle } from '../ui/language-toggle.tsx';
import { href, type Route } from './router.ts';

const NAV: readonly {
  readonly path: string;
  readonly label: MessageKey;
  readonly pages: readonly Route['page'][];
}[] = [
  { path: '/dashboard', label: 'nav.dashboard', pages: ['dashboard'] },
  { path: '/alerts', label: 'nav.alerts', pages: ['alerts', 'alert'] },
  { path: '/cases', label: 'nav.cases', pages: ['cases', 'case'] },
  { path: '/screening', label: 'nav.screening', pages: ['screening'] },
];

export function AppShell({ route, children }: { route: Route; children: ReactNode }) {
  const { t } = useLocale();
  const { identity, signOut } = useSession();
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={href('/dashboard')}>
          <span className="logo" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tag">{t('app.tagline')}</span>
        </a>
        <nav className="nav" aria-label="main">
          {NAV.map((item) => (
            <a
              key={item.path}
              href={href(item.path)}
              className={item.pages.includes(route.page) ? 'active' : undefined}
              aria-current={item.pages.includes(route.page) ? 'page' : undefined}
            >
              {t(item.label)}
            </a>
          ))}
        </nav>
        <div className="topbar-end">
          <span className="identity" data-testid="identity">
            {t('nav.signedInAs', {
              name: identity.name,
              // a role this build does not know is shown as the server names it
              role: (ROLES as readonly string[]).includes(identity.role)
                ? t(`role.${identity.role as Role}`)
                : identity.role,
            })}
          </span>
          <LanguageToggle />
          <button type="button" className="ghost" onClick={signOut}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
