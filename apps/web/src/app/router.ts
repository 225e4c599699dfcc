import { useSyncExternalStore } from 'react';

/**
 * Hash routing: the server serves one index.html and needs no fallback route, and a link to an alert
 * (`#/alerts/<id>`) can be pasted into a case note. Six routes do not justify a router library (decision 0052).
 */
export type Route =
  | { readonly page: 'dashboard' }
  | { readonly page: 'alerts'; readonly query: URLSearchParams }
  | { readonly page: 'alert'; readonly id: string }
  | { readonly page: 'cases' }
  | { readonly page: 'case'; readonly id: string }
  | { readonly page: 'screening'; readonly query: URLSearchParams };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', search = ''] = raw.split('?', 2);
  const parts = pathPart
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  const query = new URLSearchParams(search);
  const [first, second] = parts;
  if (first === 'alerts' && second !== undefined) return { page: 'alert', id: second };
  if (first === 'alerts') return { page: 'alerts', query };
  if (first === 'cases' && second !== undefined) return { page: 'case', id: second };
  if (first === 'cases') return { page: 'cases' };
  if (first === 'screening') return { page: 'screening', query };
  return { page: 'dashboard' };
}

export function href(path: string, query?: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

export function navigate(path: string, query?: Readonly<Record<string, string | undefined>>): void {
  window.location.hash = href(path, query).slice(1);
}

const subscribe = (notify: () => void) => {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
