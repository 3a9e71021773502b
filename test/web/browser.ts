import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestServer } from '../harness.ts';
import type { TestUser } from '../kit/index.ts';

/** Debian's Chromium, which `.ci/run` installs when it is absent. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = fs.existsSync(CHROMIUM);

/** The flags this machine's closed network needs (no background calls to Google's hosts). */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const running = new Map<string, Promise<Browser>>();

/**
 * Chromium; `args` adds flags (e.g. `--host-resolver-rules` for stores' addresses). One browser
 * per test process and set of flags serves every file the process runs (modules outlive a file
 * there); a file works in contexts of its own and gives them back with `release`.
 */
export async function launch(args: string[] = []): Promise<Browser> {
  const key = args.join(' ');
  const browser = await running.get(key)?.catch(() => undefined);
  if (browser?.isConnected()) return browser;
  const started = chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, ...args] });
  running.set(key, started);
  return started;
}

/** Closes the contexts a file opened; the browser stays for the next file of the process. */
export async function release(browser: Browser | undefined): Promise<void> {
  if (!browser?.isConnected()) return;
  await Promise.all(browser.contexts().map((context) => context.close()));
}

/**
 * Whether this pass of the suite audits pages (accessibility, screenshots). Pages render the same
 * on either database, so the embedded pass audits them and the PostgreSQL pass does not;
 * WEB_AUDIT=1 audits on any pass, WEB_AUDIT=0 on none.
 */
export const auditPages = process.env.WEB_AUDIT ? process.env.WEB_AUDIT !== '0' : !process.env.DATABASE_URL;

const SHOTS = path.resolve('test-results');

/** Writes a full-page screenshot of `page` to test-results/<name>.png (not committed) on an auditing pass. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!auditPages) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Fails the test when axe-core finds serious or critical violations on the page (on an auditing pass). */
export async function expectAccessible(page: Page, label?: string): Promise<void> {
  if (auditPages) expect(await seriousViolations(page), label).toEqual([]);
}

/** The serious and critical accessibility violations axe-core finds on the page, by rule. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Starts `server` on a free port of this machine and answers its address (`http://127.0.0.1:<port>`). */
export async function listenForBrowser(server: TestServer): Promise<string> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** Opens a console at `url` in a new browser context and signs in as `user`. */
export async function signInToConsole(browser: Browser, url: string, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}
