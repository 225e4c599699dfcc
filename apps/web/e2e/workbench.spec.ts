import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, hasChromium, launchBrowser } from './browser.ts';
import { startWorkbenchServer, type WorkbenchServer } from './workbench-server.ts';

const artifacts = fileURLToPath(new URL('../../../test-artifacts/web', import.meta.url));
const SKIP = 'skipped: /usr/bin/chromium is not installed (Debian: apt-get install chromium; CI installs it)';
if (!hasChromium) console.warn(`web e2e ${SKIP}`);

/** Text with no-break and narrow no-break spaces made plain, so Intl output compares with typed strings. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe.skipIf(!hasChromium)(`analyst workbench in Debian Chromium (${hasChromium ? 'runs' : SKIP})`, () => {
  let server: WorkbenchServer;
  let browser: Browser;
  let page: Page;
  let caseUrl = '';

  const shot = async (name: string) => {
    // the top bar is sticky: scroll home so a full-page picture shows it at the top
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startWorkbenchServer();
    browser = await launchBrowser({ downloadsDir: artifacts });
    page = await browser.context.newPage();
    // generous: CI runs this next to every other suite on two cores
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong key and logs in with a real one', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Sign in to the workbench' }).waitFor();
    await shot('01-login');
    await page.fill('input[name=apiKey]', 'rqb_not-a-real-key');
    await page.click('button[type=submit]');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('AUTH_INVALID');

    await page.fill('input[name=apiKey]', server.keys.analyst);
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await page.getByTestId('identity').textContent()).toBe('Signed in as Lina Haddad (analyst)');
    // the key stays in this tab's session storage, never in the URL
    expect(page.url()).not.toContain(server.keys.analyst);
    await page.getByTestId('corridor-chart').getByText('AE → TR').waitFor();
    expect(plain(await page.locator('.kpi').first().textContent())).toBe('2Open alerts');
    await shot('02-dashboard');
  });

  it('lists the queue and opens an alert with its network picture, timeline and evidence', async () => {
    await page.getByRole('link', { name: 'Alert queue' }).click();
    const rows = page.getByTestId('alert-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    // highest score first by default; sorting by score ascending flips the order
    expect(await rows.first().locator('.tag').first().textContent()).toBe('FAN-OUT');
    await page.getByRole('button', { name: /Score/ }).click();
    await page.waitForFunction(() => window.location.hash.includes('sort=score'));
    expect(await rows.first().locator('.tag').first().textContent()).toBe('CYCLE');

    // bulk action: select the page, assign both alerts; assignment triages new alerts
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    expect(await page.getByTestId('bulk-bar').locator('strong').textContent()).toBe('2 selected');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('2 alerts assigned to Lina Haddad').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=alert-table] .status-triaged').length === 2,
    );
    await shot('03-queue');

    // triage from the alert page: the cycle is closed (audited server-side), then the queue shows it closed
    const cycle = server.seed.alerts[1]!;
    await page.locator(`a[href="#/alerts/${cycle.id}"]`).click();
    await page.getByRole('button', { name: 'Close alert' }).click();
    await page.locator('.head-meta .badge', { hasText: 'Closed' }).waitFor();
    await page.getByRole('link', { name: 'Alert queue' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=alert-table] .status-closed').length === 1,
    );

    const fanOut = server.seed.alerts[0]!;
    await page.locator(`a[href="#/alerts/${fanOut.id}"]`).click();
    await page.getByTestId('alert-explanation').waitFor();
    expect(await page.getByTestId('alert-explanation').textContent()).toBe(fanOut.explanation.en);
    // 6 accounts; 7 payments drawn as 6 links (two payments from the hub to the same mule share one)
    expect(await page.getByTestId('graph-node').count()).toBe(6);
    expect(await page.getByTestId('graph-link').count()).toBe(6);
    const evidence = page.getByTestId('evidence-table').locator('tbody tr');
    expect(await evidence.count()).toBe(7);
    expect(plain(await evidence.first().textContent())).toContain('AED 54,000.00');
    expect(plain(await evidence.first().textContent())).toContain('AE → TR');
    expect(await page.getByTestId('evidence-timeline').locator('circle').count()).toBe(7);

    // focusing the hub dims nothing it touches and names it
    await page.getByRole('button', { name: 'ENBDAEAD|AE070331234567890' }).click();
    await page.getByText('Focused account: ENBDAEAD|AE070331234567890').waitFor();
    await shot('04-alert');
  });

  it('opens a case from the alert, writes a note, escalates it and exports the goAML STR', async () => {
    await page.fill('input[name=caseTitle]', 'Dubai fan-out to Syria and Türkiye');
    await page.getByRole('button', { name: 'Open a case' }).click();
    await page.getByTestId('case-title').waitFor();
    caseUrl = page.url();
    expect(await page.getByTestId('case-title').textContent()).toBe('Dubai fan-out to Syria and Türkiye');

    await page.fill(
      'textarea[name=note]',
      'Mules opened accounts in the same week; hub account is a new customer.',
    );
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('case-notes').getByText('hub account is a new customer').waitFor();

    for (const [to, reason] of [
      ['investigating', 'Reviewing KYC of the five counterparties'],
      ['escalated', 'Counterparty in Syria; amounts structured below the reporting line'],
    ] as const) {
      await page.selectOption('select[name=statusTo]', to);
      await page.fill('input[name=statusReason]', reason);
      await page.getByRole('button', { name: 'Change status' }).click();
      await page
        .locator('.head-meta .badge', { hasText: to === 'escalated' ? 'Escalated' : 'Investigating' })
        .waitFor();
    }

    // an explicit indicator code, so the draft does not depend on the FIU list in ../shared being present
    await page.fill('input[name=strIndicators]', 'tffth');
    await page.getByTestId('str-generate').click();
    const preview = page.getByTestId('str-preview');
    await preview.waitFor();
    const xml = (await preview.textContent()) ?? '';
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<report>');
    expect(xml).toContain('E2E-FO-1');
    expect(xml).toContain('<indicator>TFFTH</indicator>');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('str-download').click(),
    ]);
    const saved = join(artifacts, 'str.xml');
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(bytes.toString('utf8')).toBe(xml);
    // the file is the draft the case recorded: its SHA-256 is the hash shown for approval
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(await page.getByTestId('str-panel').textContent()).toContain(hash);
    await page.getByTestId('audit-trail').locator('tbody tr').nth(3).waitFor();
    expect(await page.getByTestId('audit-trail').textContent()).toContain('case.');
    await shot('05-case');
  });

  it('lets a supervisor other than the drafter approve the filing', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.fill('input[name=apiKey]', server.keys.supervisor);
    await page.click('button[type=submit]');
    await page.getByTestId('identity').waitFor();
    await page.goto(caseUrl);
    // the supervisor reads the stored draft byte for byte before approving it
    await page.getByTestId('str-preview').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('str-download').click(),
    ]);
    const saved = join(artifacts, 'str-approved.xml');
    await download.saveAs(saved);
    const hash = createHash('sha256').update(readFileSync(saved)).digest('hex');
    expect(readFileSync(saved, 'utf8')).toBe(readFileSync(join(artifacts, 'str.xml'), 'utf8'));
    expect(await page.getByTestId('str-panel').textContent()).toContain(hash);
    await page.getByRole('button', { name: 'Approve filing' }).click();
    await page.getByText(/Approved by Omar Saleh/).waitFor();

    await page.getByRole('link', { name: 'Cases' }).click();
    const cases = page.getByTestId('case-table').locator('tbody tr');
    await cases.first().waitFor();
    expect(await cases.count()).toBe(1);
    expect(await cases.first().textContent()).toContain('Escalated');
    expect(await cases.first().textContent()).toContain('Approved for filing');
    await shot('06-cases');
    await page.goto(caseUrl);
    await page.getByTestId('case-title').waitFor();
  });

  it('switches to Arabic: right-to-left layout, Arabic text, Arabic-Indic digits', async () => {
    await page.getByTestId('language-toggle').click();
    await page.getByRole('link', { name: 'قائمة التنبيهات' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    expect(await page.locator('.head-meta .badge').first().textContent()).toBe('مُصعَّدة');
    await shot('07-case-ar');

    await page.getByRole('link', { name: 'قائمة التنبيهات' }).click();
    const fanOut = server.seed.alerts[0]!;
    await page.locator(`a[href="#/alerts/${fanOut.id}"]`).click();
    await page.getByTestId('alert-explanation').waitFor();
    expect(await page.getByTestId('alert-explanation').textContent()).toBe(fanOut.explanation.ar);
    // 54,000.00 AED in Arabic-Indic digits
    expect(await page.getByTestId('evidence-table').locator('tbody tr').first().textContent()).toContain(
      '٥٤٬٠٠٠',
    );
    await shot('08-alert-ar');

    await page.getByRole('link', { name: 'لوحة المؤشرات' }).click();
    await page.getByTestId('corridor-chart').getByText('AE → TR').waitFor();
    await shot('09-dashboard-ar');
  });

  it('screens an Arabic name and highlights the matched name parts', async () => {
    await page.getByRole('link', { name: 'فحص الأسماء' }).click();
    await page.fill('input[name=screenName]', 'أيمن الظواهري');
    await page.getByRole('button', { name: 'فحص' }).click();
    const first = page.getByTestId('screening-match').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('QDi.006');
    expect(await first.locator('mark').count()).toBeGreaterThanOrEqual(2);
    await shot('10-screening-ar');
  });
});
