import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium. Tests never download a browser; CI installs this one with apt-get (.ci/services.sh). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Flags for a quiet, reproducible headless run that touches no network but loopback. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface Browser {
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
}

/**
 * One browser for the whole suite, with a fresh profile directory so no earlier run's storage leaks in.
 * Playwright takes the profile as launchPersistentContext's argument (it refuses --user-data-dir in args).
 */
export async function launchBrowser(
  options: { locale?: string; downloadsDir?: string } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'raqib-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: options.locale ?? 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
    ...(options.downloadsDir ? { downloadsPath: options.downloadsDir } : {}),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
