import { LoginPage } from '../auth/login-page.tsx';
import { useSessionState } from '../auth/session.tsx';
import { AlertPage } from '../features/alerts/alert-page.tsx';
import { AlertQueuePage } from '../features/alerts/alert-queue-page.tsx';
import { CaseListPage } from '../features/cases/case-list-page.tsx';
import { CasePage } from '../features/cases/case-page.tsx';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { ScreeningPage } from '../features/screening/screening-page.tsx';
import { AppShell } from './app-shell.tsx';
import { type Route, useRoute } from './router.ts';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'alerts':
      return <AlertQueuePage query={route.query} />;
    case 'alert':
      return <AlertPage key={route.id} id={route.id} />;
    case 'cases':
      return <CaseListPage />;
    case 'case':
      return <CasePage key={route.id} id={route.id} />;
    case 'screening':
      return <ScreeningPage query={route.query} />;
  }
}

/** Login gate, then the shell with the routed page. */
export function App() {
  const { session } = useSessionState();
  const route = useRoute();
  if (session === null) return <LoginPage />;
  return (
    <AppShell route={route}>
      <Page route={route} />
    </AppShell>
  );
}
