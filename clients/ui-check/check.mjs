#!/usr/bin/env node
// Drives Contracts UI in headless Chromium the way a user does: deploy the factory, issue a
// token, add it by address, transfer, read a balance, activate its AMM and buy on it. Every
// step ends with a full-page screenshot; the first unexpected thing ends the run with the
// page's own error text and an `error-<step>.png` screenshot.
//
//   node check.mjs <app-url> <ws-url> <bundle-dir> <screenshot-dir>
//
// The six codes the factory needs besides its own must already be on chain (upload.mjs).
// CHROMIUM names the browser binary (default /usr/bin/chromium).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { blake2AsHex } from '@polkadot/util-crypto';

const [app, wsUrl, bundleDir, shotDir] = process.argv.slice(2);
if (!shotDir) {
  console.error('usage: node check.mjs <app-url> <ws-url> <bundle-dir> <screenshot-dir>');
  process.exit(2);
}

// What is typed. Token amounts are base units (6 decimals: 5 000 000 is 5 tokens).
const BLOCKS_PER_YEAR = '5259600';
const BOND = 1_000_000_000n; // JOY base units per token account
const SUPPLY = 1_000_000_000n; // alice's initial allocation
const TRANSFER = 5_000_000n; // alice -> bob
const BUY = 5_000_000n; // bob buys on the AMM
const SLOPE = 1_000_000_000n; // JOY base units; governance's min_amm_slope is 1 000 000
const INTERCEPT = 10_000_000_000n;
const SYMBOL = 'UIC';
const TIMEOUT = 60_000;

const hash = (name) => blake2AsHex(readFileSync(join(bundleDir, name, `${name}.wasm`)), 256).slice(2);
const HASH = Object.fromEntries(
  ['crt', 'crt_library', 'amm_library', 'accounts_library', 'factory_library', 'live_marker'].map((n) => [n, hash(n)]),
);

class Failure extends Error {}
const num = (text) => BigInt(String(text).replace(/[,\s']/g, ''));
function expect(what, actual, expected) {
  if (String(actual) !== String(expected)) throw new Failure(`${what}: expected ${expected}, saw ${actual}`);
}

// Balance fields are read as the chain's currency (Unit, 10^decimals base units), so a base-unit
// amount is typed as a decimal fraction of it: 1 000 000 000 -> "0.001" on a 12-decimal chain.
let decimals;
function units(base) {
  const pow = 10n ** BigInt(decimals);
  const frac = (base % pow).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${base / pow}${frac ? `.${frac}` : ''}`;
}

const profile = mkdtempSync(join(tmpdir(), 'ui-check-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  defaultViewport: { width: 1400, height: 1000 },
  // --headless=new replaces puppeteer's own headless flag; the rest keep Chromium off the network.
  ignoreDefaultArgs: ['--headless'],
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const page = await browser.newPage();
const consoleErrors = [];
page.on('console', (m) => m.type() === 'error' && !/ERR_NAME_NOT_RESOLVED/.test(m.text()) && consoleErrors.push(m.text()));
page.on('pageerror', (e) => consoleErrors.push(String(e)));

// Before the app loads: the node's endpoint and ink! v5 (the app defaults to v6, pallet-revive).
// The WebSocket hook records when the last dry run (`state_call`) was answered, so the driver
// can wait until the dry run of what it just typed is on screen instead of sleeping.
await page.evaluateOnNewDocument((endpoint) => {
  localStorage.setItem('inkVersion', JSON.stringify('v5'));
  localStorage.setItem('contractsUiPreferredEndpoint', JSON.stringify(endpoint));
  const rpc = (window.__rpc = { pending: new Set(), last: 0 });
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    try {
      const { id, method } = JSON.parse(data);
      if (method === 'state_call') {
        rpc.pending.add(id);
        rpc.last = Date.now();
        if (!this.__watched) {
          this.__watched = true;
          this.addEventListener('message', (e) => {
            try { if (rpc.pending.delete(JSON.parse(e.data).id)) rpc.last = Date.now(); } catch { /* not JSON */ }
          });
        }
      }
    } catch { /* not JSON */ }
    return send.call(this, data);
  };
}, wsUrl);

// ---- driving the page -----------------------------------------------------------------------

const text = (sel) => page.$eval(sel, (e) => e.innerText).catch(() => '');
const waitText = (needle) =>
  page.waitForFunction((n) => document.body.innerText.toLowerCase().includes(n.toLowerCase()), { timeout: TIMEOUT }, needle);

/** Waits until typing has stopped and every dry run started since was answered. */
async function settle() {
  const since = await page.evaluate(() => Date.now());
  await page.waitForFunction((t) => window.__rpc.pending.size === 0 && Date.now() - Math.max(window.__rpc.last, t) > 700,
    { timeout: TIMEOUT, polling: 100 }, since);
}

/** Replaces a field's content by typing: select all, then type (the first key replaces the selection). */
async function type(handle, value) {
  if (!handle || !(await handle.evaluate((e) => e instanceof HTMLInputElement).catch(() => false))) {
    throw new Failure(`no input to type ${value} into`);
  }
  await handle.focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await handle.type(String(value));
}
const field = (sel) => page.waitForSelector(`${sel} input`, { timeout: TIMEOUT });
const fill = async (sel, value) => type(await field(sel), value);
/** The input of the form field whose label reads `label` (fields without a class, such as Value). */
const byLabel = (label) => page.evaluateHandle((l) =>
  [...document.querySelectorAll('.form-field')].find((f) => f.querySelector('label')?.innerText.trim() === l)?.querySelector('input'), label);

/** Opens a react-select dropdown inside `container` and clicks the option whose first line starts with `label`. */
async function choose(container, label) {
  await page.click(`${container} .dropdown__control`);
  await page.waitForSelector('.dropdown__option', { timeout: TIMEOUT });
  const options = await page.$$('.dropdown__option');
  const labels = await Promise.all(options.map((o) => o.evaluate((e) => e.innerText.split('\n')[0].trim())));
  const i = labels.findIndex((l) => l === label || l.startsWith(`${label}(`));
  if (i < 0) throw new Failure(`no "${label}" among ${labels.join(', ')}`);
  await options[i].click();
}
const message = (name) => choose('.constructorDropdown', name);

/** The dry-run panel of the selected message once settled: prediction, output, whole text. */
async function dryRun(method) {
  await settle();
  const panel = `[data-cy="dryRun-${method}"]`;
  await page.waitForSelector(panel, { timeout: TIMEOUT });
  return { all: await text(panel), output: await text(`${panel} [data-cy=output]`) };
}
async function expectDryRunOk(method) {
  const run = await dryRun(method);
  if (!run.all.includes('Contract call will be successful!')) throw new Failure(`dry run of ${method}: ${run.all.replace(/\s*\n\s*/g, ' ')}`);
  return run.output;
}

async function dismiss() {
  for (const x of await page.$$('[data-cy=dismiss-notification]')) await x.click().catch(() => {});
  await page.waitForFunction(() => !document.querySelector('[data-cy=transaction-queued]'), { timeout: TIMEOUT });
}

/** Clicks `button` and waits for the transaction's notification to say success (or fails with it). */
async function submit(button) {
  await button.click();
  const status = await page.waitForFunction(() => {
    const s = [...document.querySelectorAll('[data-cy=transaction-queued] .text-gray-400')].map((e) => e.innerText);
    return s.find((x) => x === 'success' || x === 'error');
  }, { timeout: TIMEOUT });
  if ((await status.jsonValue()) !== 'success') {
    throw new Failure(`transaction failed: ${(await text('[data-cy=transaction-complete]')).replace(/\n/g, ', ')}`);
  }
}
async function callContract() {
  const button = await page.evaluateHandle(() => [...document.querySelectorAll('button')].find((b) => b.innerText.trim() === 'Call contract'));
  if (await button.evaluate((b) => b.disabled)) throw new Failure('"Call contract" is disabled');
  // Entries of the transactions log (the app's data-cy there ends in a stray "}").
  const entries = '[data-cy$="-result}"]';
  const before = (await page.$$(entries)).length;
  await submit(button);
  await page.waitForFunction((sel, n) => document.querySelectorAll(sel).length > n, { timeout: TIMEOUT }, entries, before);
  await dismiss();
  await settle(); // the app dry-runs the message again on the new state
}

/** The contract events of the latest entry of the transactions log, as text. */
const lastEvents = () => page.$eval('[data-cy=contract-events]', (e) => e.innerText).catch(() => '');

/** Screenshot of the whole scrolling content: the app scrolls inside a <section>, not the page. */
async function shot(name) {
  const height = await page.evaluate(() => Math.max(window.innerHeight, ...[...document.querySelectorAll('section')].map((s) => s.scrollHeight)));
  await page.setViewport({ width: 1400, height: Math.min(height + 40, 8000) });
  await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage: true });
  await page.setViewport({ width: 1400, height: 1000 });
}

let stepNo = 0;
async function step(name, body) {
  const started = Date.now();
  try {
    const seen = await body();
    await shot(`${String(++stepNo).padStart(2, '0')}-${name}`);
    console.log(`ok ${stepNo} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${seen}`);
  } catch (e) {
    await page.screenshot({ path: join(shotDir, `error-${name}.png`), fullPage: true }).catch(() => {});
    const notices = await text('[data-cy=transaction-complete]');
    const dry = await page.$eval('[data-cy^=dryRun-], [data-cy=dry-run-result]', (el) => el.innerText).catch(() => '');
    console.error(`FAILED ${name}: ${e.message}`);
    if (notices) console.error(`  notification: ${notices.replace(/\n/g, ', ')}`);
    if (dry) console.error(`  dry run: ${dry.replace(/\n/g, ' ')}`);
    if (consoleErrors.length) console.error(`  console: ${consoleErrors.slice(-3).join(' | ').slice(0, 800)}`);
    console.error(`  screenshot: ${join(shotDir, `error-${name}.png`)}, page ${page.url()}`);
    throw new Failure(name);
  }
}

// ---- the walkthrough -------------------------------------------------------------------------

let factory, token;
try {
  // The chain's decimals decide how Balance fields are scaled (12 on a development node).
  const props = await (await fetch(wsUrl.replace(/^ws/, 'http'), {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'system_properties', params: [] }),
  })).json();
  decimals = Number([props.result.tokenDecimals].flat()[0] ?? 12);

  await step('factory-uploaded', async () => {
    await page.goto(`${app}/instantiate`, { waitUntil: 'domcontentloaded' });
    await waitText('Upload and Instantiate Contract');
    // The dev accounts are in the app's keyring once the chain is connected.
    await page.waitForFunction(() => !document.querySelector('[data-cy=spinner]')
      && document.querySelector('[data-cy=account-name]')?.innerText.includes('alice'), { timeout: TIMEOUT });
    await type(await byLabel('Contract Name'), 'Creator Tokens factory');
    await (await page.waitForSelector('input[data-cy=file-input]')).uploadFile(join(bundleDir, 'factory', 'factory.contract'));
    await page.waitForSelector('[data-cy=upload-confirmation]', { timeout: TIMEOUT });
    await page.click('[data-cy=next-btn]');
    // Hash fields take 64 hex digits; the "0x" is printed in front of the field.
    await fill('.form-field.tokenCodeHash', HASH.crt);
    await fill('.form-field.tokenLibraries .form-field.main', HASH.crt_library);
    await fill('.form-field.tokenLibraries .form-field.amm', HASH.amm_library);
    await fill('.form-field.tokenLibraries .form-field.accounts', HASH.accounts_library);
    await fill('.form-field.factoryLibraryHash', HASH.factory_library);
    await fill('.form-field.liveMarkerHash', HASH.live_marker);
    await fill('.form-field.blocksPerYear', BLOCKS_PER_YEAR);
    await fill('.form-field.bloatBond', units(BOND)); // Balance: typed in Unit
    await settle();
    const result = await text('[data-cy=dry-run-result]');
    if (!result.includes('The instantiation will be successful')) throw new Failure(`dry run: ${result}`);
    return `constructor filled, bloatBond typed ${units(BOND)}, dry run: instantiation will be successful`;
  });

  await step('factory-instantiated', async () => {
    await page.click('[data-cy=next-btn]');
    await submit(await page.waitForSelector('[data-cy=submit-btn]', { timeout: TIMEOUT }));
    await page.waitForFunction(() => /^\/contract\/\w+/.test(location.pathname), { timeout: TIMEOUT });
    factory = page.url().match(/\/contract\/(\w+)/)[1];
    const events = await text('[data-cy=transaction-complete]');
    if (!events.includes('contracts:Instantiated')) throw new Failure(`no contracts:Instantiated in ${events}`);
    await dismiss();
    await message('tokenConstraints');
    const { output } = await dryRun('tokenConstraints');
    const bond = output.match(/bloatBond: '([\d,]+)'/)?.[1];
    expect('token_constraints().bloat_bond', bond && num(bond), BOND);
    const minSlope = num(output.match(/minAmmSlope: '([\d,]+)'/)?.[1] ?? '-1');
    if (SLOPE < minSlope) throw new Failure(`slope ${SLOPE} is below min_amm_slope ${minSlope}`);
    return `factory ${factory}, bloatBond ${bond}, minAmmSlope ${minSlope}`;
  });

  let predicted;
  await step('issue-token-dry-run', async () => {
    await message('issueToken');
    await fill('.form-field.params .form-field.name', 'UI Check Token');
    await fill('.form-field.params .form-field.symbol', SYMBOL);
    await fill('.form-field.params .form-field.decimals', '6');
    // The vector starts with one entry whose account is alice; its vesting stays "Do not supply".
    await fill('.form-field.initialAllocation .vector-field-1 .form-field.amount', SUPPLY);
    await fill('.form-field.params .form-field.patronageRate', '0');
    await fill('.form-field.params .form-field.revenueSplitRate', '100000');
    await fill('.form-field.params .form-field.metadata', 'Issued through Contracts UI');
    await fill('.form-field.expectedCodeHash', HASH.crt);
    await fill('.form-field.expectedLibraries .form-field.main', HASH.crt_library);
    await fill('.form-field.expectedLibraries .form-field.amm', HASH.amm_library);
    await fill('.form-field.expectedLibraries .form-field.accounts', HASH.accounts_library);
    await type(await byLabel('Value'), units(BOND)); // one bond per allocation, in Unit
    const output = await expectDryRunOk('issueToken');
    predicted = output.match(/'(\d+)',\s*'(\w{47,48})'/);
    if (!predicted) throw new Failure(`no (token_id, address) in ${output}`);
    return `value ${units(BOND)}, dry run Ok: token id ${predicted[1]}, address ${predicted[2]}`;
  });

  await step('issue-token', async () => {
    await callContract();
    const events = await lastEvents();
    token = events.match(/TokenIssued[\s\S]*?\btoken\s*"(\w+)"/)?.[1];
    expect('TokenIssued.token', token, predicted[2]);
    return `TokenIssued event: token ${token}`;
  });

  await step('token-by-symbol', async () => {
    await message('tokenBySymbol');
    await fill('.form-field.symbol', SYMBOL);
    const { output } = await dryRun('tokenBySymbol');
    expect(`token_by_symbol("${SYMBOL}").address`, output.match(/address: '(\w+)'/)?.[1], token);
    return `record ${output.replace(/\s+/g, ' ')}`;
  });

  await step('token-added', async () => {
    await (await page.waitForFunction(() => [...document.querySelectorAll('a')].find((a) => a.innerText.trim() === 'Add New Contract'))).click();
    await (await page.waitForFunction(() => [...document.querySelectorAll('a')]
      .find((a) => a.innerText.trim() === 'Use On-Chain Contract Address'), { timeout: TIMEOUT })).click();
    await type(await page.waitForSelector('input[placeholder="Paste an on-chain contract address"]', { timeout: TIMEOUT }), token);
    // The name and metadata fields appear once the app has found a contract at that address.
    await page.waitForFunction(() => [...document.querySelectorAll('.form-field label')].some((l) => l.innerText.trim() === 'Contract Name'),
      { timeout: TIMEOUT });
    await type(await byLabel('Contract Name'), 'UIC token');
    await (await page.waitForSelector('input[data-cy=file-input]', { timeout: TIMEOUT })).uploadFile(join(bundleDir, 'crt', 'crt.json'));
    await page.waitForSelector('[data-cy=upload-confirmation]', { timeout: TIMEOUT });
    await page.click('[data-cy=next-btn]');
    await page.waitForFunction((t) => location.pathname.startsWith(`/contract/${t}`), { timeout: TIMEOUT }, token);
    // The first message, PSP22::total_supply, is dry-run as soon as the page opens.
    const { output } = await dryRun('psp22::totalSupply');
    expect('total_supply', num(output), SUPPLY);
    return `token page open, total_supply ${output}`;
  });

  await step('transfer', async () => {
    await message('psp22::transfer');
    await choose('.form-field.to', 'bob');
    await fill('.form-field.value', TRANSFER); // TokenAmount: sent as typed
    await expectDryRunOk('psp22::transfer');
    await callContract();
    const events = await lastEvents();
    expect('Transfer.value', num(events.match(/value\s*"([\d,]+)"/)?.[1] ?? '0'), TRANSFER);
    return `alice -> bob ${TRANSFER}, Transfer event value ${TRANSFER}`;
  });

  const balanceOfBob = async (expected) => {
    await message('psp22::balanceOf');
    await choose('.form-field.owner', 'bob');
    const { output } = await dryRun('psp22::balanceOf');
    expect('balance_of(bob)', num(output || 'NaN'), expected);
    return output;
  };
  await step('balance', async () => `balance_of(bob) = ${await balanceOfBob(TRANSFER)}`);

  await step('amm-activate', async () => {
    await message('ammCurve::activateAmm');
    await fill('.form-field.slope', units(SLOPE)); // Balance: typed in Unit
    await fill('.form-field.intercept', units(INTERCEPT));
    await expectDryRunOk('ammCurve::activateAmm');
    await callContract();
    const events = await lastEvents();
    if (!events.includes('AmmActivated')) throw new Failure(`no AmmActivated event in ${events}`);
    return `typed slope ${units(SLOPE)}, intercept ${units(INTERCEPT)} (Unit); ${events.replace(/\s+/g, ' ')}`;
  });

  await step('amm-state', async () => {
    await message('ammCurve::ammState');
    const { output } = await dryRun('ammCurve::ammState');
    expect('amm_state().curve.slope', num(output.match(/slope: '([\d,]+)'/)?.[1] ?? '0'), SLOPE);
    expect('amm_state().curve.intercept', num(output.match(/intercept: '([\d,]+)'/)?.[1] ?? '0'), INTERCEPT);
    return `amm_state ${output.replace(/\s+/g, ' ')}`;
  });

  let maxCost;
  await step('amm-quote', async () => {
    await message('ammCurve::quoteBuy');
    await fill('.form-field.amount', BUY);
    const { output } = await dryRun('ammCurve::quoteBuy');
    const [joy, fee] = ['joy', 'fee'].map((k) => output.match(new RegExp(`${k}: '([\\d,]+)'`))?.[1]);
    if (!joy || !fee) throw new Failure(`no quote in ${output}`);
    maxCost = num(joy) + num(fee);
    return `quote_buy(${BUY}) joy ${joy}, fee ${fee}`;
  });

  await step('amm-buy', async () => {
    await message('amm::buyOnAmm');
    await choose('.form-field.caller', 'bob');
    await fill('.form-field.amount', BUY);
    // max_cost is Option<Balance>, but its editor is a plain number: base units, as typed.
    await page.click('.form-field.maxCost [data-cy=switch-button]');
    await fill('.form-field.maxCost', maxCost);
    const value = maxCost * 2n; // anything above cost + fee; the token refunds the rest
    await type(await byLabel('Value'), units(value));
    await expectDryRunOk('amm::buyOnAmm');
    await callContract();
    const events = await lastEvents();
    expect('TokensBoughtOnAmm.amount', num(events.match(/TokensBoughtOnAmm[\s\S]*?amount\s*"([\d,]+)"/)?.[1] ?? '0'), BUY);
    return `bob buys ${BUY}, max_cost ${maxCost}, value ${units(value)} Unit; event ${events.match(/TokensBoughtOnAmm[\s\S]*/)[0].replace(/\s+/g, ' ')}`;
  });

  await step('balance-after-buy', async () => `balance_of(bob) = ${await balanceOfBob(TRANSFER + BUY)}`);
} catch (e) {
  if (!(e instanceof Failure)) console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
