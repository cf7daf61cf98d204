#!/usr/bin/env node
// Creator Tokens from a dApp's side: upload the suite's code, deploy a factory, issue a token
// and trade on its AMM, with @polkadot/api-contract and the bundles' ink! 5 metadata.
//
//   node run.mjs <ws-url> <bundle-dir>    (<bundle-dir>/<name>/<name>.wasm and .json/.contract)
//
// Every contract call is dry-run first: the dry run says whether the contract would answer Ok
// and how much gas and storage deposit the call needs. The first thing that is not as
// expected ends the run with exit code 1.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Abi, CodePromise, ContractPromise } from '@polkadot/api-contract';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, stringToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady, randomAsU8a } from '@polkadot/util-crypto';

const [url, bundleDir] = process.argv.slice(2);
if (!url || !bundleDir) {
  console.error('usage: node run.mjs <ws-url> <bundle-dir>');
  process.exit(2);
}

const CODE = ['crt', 'crt_library', 'amm_library', 'accounts_library', 'factory_library', 'live_marker'];
const BLOCKS_PER_YEAR = 5_259_600; // 6 s blocks
const BLOAT_BOND = 1_000_000_000n; // JOY base units locked per token account
const DECIMALS = 6;
const UNIT = 10n ** BigInt(DECIMALS); // one whole token, in base units
// Price of a whole token at AMM supply s: INTERCEPT + SLOPE × s / 10^decimals, in JOY base units.
const SLOPE = 1_000_000_000n;
const INTERCEPT = 10_000_000_000n;

let api;
const names = new Map(); // address -> label, for readable output
const abis = new Map(); // contract address -> the Abi that decodes its events

class Failure extends Error {}
const show = (value) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : names.get(v) ?? v));
const fmt = (v) => (typeof v === 'bigint' ? v.toString() : typeof v === 'string' ? names.get(v) ?? v : show(v));
function expect(what, actual, expected) {
  if (show(actual) !== show(expected)) throw new Failure(`${what}: expected ${fmt(expected)}, got ${fmt(actual)}`);
  console.log(`  ok: ${what}${fmt(actual).length < 80 ? ` = ${fmt(actual)}` : ''}`);
}
const big = (codec) => BigInt(codec.toString());
/** An error enum by its variant names, e.g. `Token(NotIssuer)`. */
const variant = (e) => (e.isSome === undefined && typeof e.type === 'string' && e.value
  ? `${e.type}${e.value.toRawType() === 'Null' ? '' : `(${variant(e.value)})`}` : show(e.toPrimitive()));

/** A failed dispatch as the pallet names it, e.g. `contracts.OutOfGas (…docs…)`. */
function describe(dispatchError) {
  if (!dispatchError.isModule) return dispatchError.toString();
  const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
  return `${section}.${name} (${docs.join(' ').trim()})`;
}

/** Signs and sends; resolves with the extrinsic's events once it is in a block. */
function send(label, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, ({ status, dispatchError, events }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub();
        reject(new Failure(`${label}: transaction ${status.type}`));
      } else if (status.isInBlock || status.isFinalized) {
        unsub();
        if (dispatchError) reject(new Failure(`${label}: ${describe(dispatchError)}`));
        else resolve(events);
      }
    }).then((u) => { unsub = u; }, (e) => reject(new Failure(`${label}: ${e.message}`)));
  });
}

// Events are decoded from the `contracts.ContractEmitted` records rather than the tx result's
// `contractEvents`, which only holds the called contract's: issuing a token also has events
// of the new token. ink! 5 events carry their signature as the first topic, which is how
// `abi.decodeEvent` finds the event in the ABI.
function decodeAll(events) {
  return events
    .filter(({ event }) => api.events.contracts.ContractEmitted.is(event) && abis.has(event.data[0].toString()))
    .map((record) => {
      const decoded = abis.get(record.event.data[0].toString()).decodeEvent(record);
      return {
        emitter: names.get(record.event.data[0].toString()),
        name: decoded.event.identifier.split('::').pop(),
        fields: Object.fromEntries(decoded.event.args.map((a, i) => [a.name, decoded.args[i]])),
      };
    });
}
/** The fields of the one event `name` among the extrinsic's events. */
function theEvent(events, name) {
  const found = decodeAll(events).filter((e) => e.name === name);
  if (found.length !== 1) throw new Failure(`expected one ${name} event, got ${found.length}`);
  return found[0].fields;
}

function printEvents(events) {
  for (const { event } of events) {
    if (api.events.contracts.Instantiated.is(event)) {
      const [deployer, contract] = event.data.map(String);
      console.log(`  instantiated ${names.get(contract) ?? contract} (by ${names.get(deployer) ?? deployer})`);
    } else if (api.events.contracts.ContractEmitted.is(event) && !abis.has(event.data[0].toString())) {
      console.log(`  event of ${names.get(event.data[0].toString()) ?? event.data[0]}: ${event.data[1].toHex()}`);
    }
  }
  for (const { emitter, name, fields } of decodeAll(events)) {
    const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.toPrimitive()]));
    console.log(`  event ${emitter}.${name} ${show(values)}`);
  }
}

/** The gas limit of a dry run: all that one normal extrinsic may use. */
const dryRunGas = () => api.consts.system.blockWeights.perClass.normal.maxExtrinsic.unwrap();

/** The dry run's gas + 25 %: the transaction runs a block later, and block-dependent work
 * (patronage accrual, vesting) can cost a little more then. */
const withMargin = ({ refTime, proofSize }) => api.registry.createType('WeightV2', {
  refTime: refTime.toBn().muln(125).divn(100),
  proofSize: proofSize.toBn().muln(125).divn(100),
});
const costs = (dry) => `gas ${show(dry.gasRequired.toPrimitive())}, storage deposit ${show(dry.storageDeposit.toPrimitive())}`;

/** Dry-runs a message; returns its Ok value (inside a `Result` return too) and its costs. */
async function query(contract, caller, method, args = [], value = 0n) {
  const label = `${names.get(contract.address.toString())}.${method}`;
  if (!contract.query[method]) throw new Failure(`${label}: no such message in the ABI`);
  const dry = await contract.query[method](caller.address, { gasLimit: dryRunGas(), storageDepositLimit: null, value }, ...args);
  const debug = dry.debugMessage.toString().trim() ? ` [${dry.debugMessage.toString().trim()}]` : '';
  if (dry.result.isErr) throw new Failure(`${label} (dry run): ${describe(dry.result.asErr)}${debug}`);
  // ink! wraps each return value in `Result<T, LangError>`; T is itself a Result for calls that can fail.
  if (dry.output.isErr) throw new Failure(`${label} (dry run): ${variant(dry.output.asErr)}${debug}`);
  let ok = dry.output.asOk;
  if (ok.isErr === true) throw new Failure(`${label} (dry run): Err(${variant(ok.asErr)})`);
  if (ok.isOk === true) ok = ok.asOk;
  if (dry.result.asOk.flags.isRevert) throw new Failure(`${label} (dry run): reverted${debug}`);
  return { ok, gasRequired: dry.gasRequired, storageDeposit: dry.storageDeposit };
}

/** Dry-runs a message, then sends it with the gas the dry run needed + 25 %; returns the events. */
async function call(contract, signer, method, args = [], value = 0n) {
  const label = `${names.get(signer.address)} → ${names.get(contract.address.toString())}.${method}`;
  const dry = await query(contract, signer, method, args, value);
  console.log(`\n${label}(${show(args).slice(1, -1)})${value ? ` value ${value}` : ''}\n  dry run: ${costs(dry)}`);
  const tx = contract.tx[method]({ gasLimit: withMargin(dry.gasRequired), storageDepositLimit: null, value }, ...args);
  const events = await send(label, tx, signer);
  // A contract that reverts still makes a successful extrinsic: only `Called` tells it ran.
  if (!events.some(({ event }) => api.events.contracts.Called.is(event) && event.data.contract.eq(contract.address))) {
    throw new Failure(`${label}: reverted on chain`);
  }
  printEvents(events);
  return events;
}

/** JOY `from` sent `to` minus what came back, per the extrinsic's `balances.Transfer` events. */
function netTransfer(events, from, to) {
  let net = 0n;
  for (const { event } of events.filter(({ event }) => api.events.balances.Transfer.is(event))) {
    const [f, t] = [event.data.from.toString(), event.data.to.toString()];
    if (f === from && t === to) net += big(event.data.amount);
    if (f === to && t === from) net -= big(event.data.amount);
  }
  return net;
}

/** Checks a free balance change to the unit: JOY to the token, transaction fee, storage deposit. */
function accountFor(who, before, after, toToken, events) {
  let [fee, deposit] = [0n, 0n];
  for (const { event } of events) {
    const { TransactionFeePaid: paid } = api.events.transactionPayment;
    const { StorageDepositTransferredAndHeld: held, StorageDepositTransferredAndReleased: released } = api.events.contracts;
    if (paid.is(event) && event.data.who.eq(who.address)) fee += big(event.data.actualFee) + big(event.data.tip);
    if (held.is(event) && event.data.from.eq(who.address)) deposit += big(event.data.amount);
    if (released.is(event) && event.data.to.eq(who.address)) deposit -= big(event.data.amount);
  }
  expect(`${names.get(who.address)}'s free JOY change: token ${-toToken}, transaction fee ${-fee}, storage deposit ${-deposit}`,
    after - before, -toToken - fee - deposit);
}

function readJson(path) {
  if (!existsSync(path)) throw new Failure(`no ${path}`);
  return JSON.parse(readFileSync(path, 'utf8'));
}
const bundle = (name) => join(bundleDir, name, name);
function readAbi(name) {
  const json = existsSync(`${bundle(name)}.json`) ? `${bundle(name)}.json` : `${bundle(name)}.contract`;
  return new Abi(readJson(json), api.registry.getChainProperties());
}
function readWasm(name) {
  if (existsSync(`${bundle(name)}.wasm`)) return readFileSync(`${bundle(name)}.wasm`);
  if (existsSync(`${bundle(name)}.contract`)) return hexToU8a(readJson(`${bundle(name)}.contract`).source.wasm);
  throw new Failure(`no ${bundle(name)}.wasm (nor .contract)`);
}

async function main() {
  await cryptoWaitReady();
  api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true })
    .catch(() => { throw new Failure(`cannot connect to ${url}`); });
  console.log(`connected to ${await api.rpc.system.chain()} at ${url}, block #${await api.query.system.number()}`);
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
  const [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map((n) => keyring.addFromUri(`//${n}`));
  [alice, bob, charlie].forEach((k, i) => names.set(k.address, ['alice', 'bob', 'charlie'][i]));
  const freeJoy = async (who) => big((await api.query.system.account(who.address)).data.free);

  // 1. Code: its hash is blake2-256 of the Wasm. Code already on chain is not uploaded again.
  console.log('\n1. upload code (alice)');
  const hashes = {};
  for (const name of CODE) {
    const wasm = readWasm(name);
    hashes[name] = blake2AsHex(wasm, 256);
    if ((await api.query.contracts.pristineCode(hashes[name])).isSome) {
      console.log(`  ${name}: ${hashes[name]} (already on chain)`);
      continue;
    }
    const events = await send(`upload ${name}`, api.tx.contracts.uploadCode(u8aToHex(wasm), null, 'Enforced'), alice);
    const stored = events.find(({ event }) => api.events.contracts.CodeStored.is(event));
    expect(`${name} (${wasm.length} bytes): CodeStored`, stored?.event.data.codeHash.toHex(), hashes[name]);
  }

  // 2. The factory; its deployer (alice) is governance.
  console.log('\n2. deploy the factory (alice = governance)');
  const factoryAbi = readAbi('factory');
  const factoryWasm = readWasm('factory');
  const libraries = { main: hashes.crt_library, amm: hashes.amm_library, accounts: hashes.accounts_library };
  const ctorArgs = [hashes.crt, libraries, hashes.factory_library, hashes.live_marker, BLOCKS_PER_YEAR, BLOAT_BOND];
  const salt = randomAsU8a(); // a new factory each run: the same code, arguments and salt would collide
  // The runtime API takes a Uint8Array as SCALE-encoded (length-prefixed) bytes: raw bytes go as hex.
  const dry = await api.call.contractsApi.instantiate(alice.address, 0, dryRunGas(), null, { Upload: u8aToHex(factoryWasm) },
    factoryAbi.findConstructor('new').toU8a(ctorArgs), u8aToHex(salt));
  if (dry.result.isErr) throw new Failure(`factory new (dry run): ${describe(dry.result.asErr)} ${dry.debugMessage}`);
  if (dry.result.asOk.result.flags.isRevert) throw new Failure(`factory new (dry run): reverted ${dry.debugMessage}`);
  const factoryAddress = dry.result.asOk.accountId.toString();
  names.set(factoryAddress, 'factory');
  abis.set(factoryAddress, factoryAbi);
  console.log(`  dry run: ${costs(dry)}`);
  const deploy = new CodePromise(api, factoryAbi, factoryWasm).tx.new(
    { gasLimit: withMargin(dry.gasRequired), storageDepositLimit: null, salt }, ...ctorArgs);
  const deployEvents = await send('factory new', deploy, alice);
  const deployed = deployEvents.filter(({ event }) => api.events.contracts.Instantiated.is(event))
    .map(({ event }) => [event.data.deployer.toString(), event.data.contract.toString()]);
  for (const [deployer, contract] of deployed) if (deployer === factoryAddress) names.set(contract, 'live_marker');
  expect(`factory (${factoryAddress}) deployed by`, deployed.find(([, c]) => c === factoryAddress)?.[0], alice.address);
  printEvents(deployEvents);
  const factory = new ContractPromise(api, factoryAbi, factoryAddress);

  // 3. A token. The expected code and libraries guard against governance changing the token
  // code between reading it and issuing; one bond is paid per non-zero allocation.
  console.log('\n3. issue a token (bob = creator)');
  const expectedCode = (await query(factory, bob, 'tokenCodeHash')).ok.toHex();
  const expectedLibraries = (await query(factory, bob, 'tokenLibraries')).ok.toPrimitive();
  const bond = big((await query(factory, bob, 'tokenConstraints')).ok.bloatBond);
  console.log(`  token code ${expectedCode}, libraries ${show(expectedLibraries)}, bloat bond ${bond}`);
  expect('the factory holds the uploaded token code and libraries, and the bond', [expectedCode, expectedLibraries, bond],
    [hashes.crt, libraries, BLOAT_BOND]);
  const allocation = [{ account: bob.address, amount: 1_000n * UNIT, vesting: null }];
  const params = {
    name: 'Creator Token Example', symbol: 'CTE', decimals: DECIMALS, initial_allocation: allocation,
    transfer_policy: 'Permissionless', patronage_rate: 0, revenue_split_rate: 500_000,
    metadata: u8aToHex(stringToU8a('{"site":"https://example.org"}')),
  };
  const issueArgs = [params, expectedCode, expectedLibraries];
  const issueValue = bond * BigInt(allocation.filter((a) => a.amount > 0n).length);
  // The dry run answers (token_id, address) already: knowing the address before sending lets
  // the new token's own events in the issuing transaction decode too.
  const [tokenId, tokenAddress] = (await query(factory, bob, 'issueToken', issueArgs, issueValue)).ok;
  const crtAbi = readAbi('crt');
  names.set(tokenAddress.toString(), 'token');
  abis.set(tokenAddress.toString(), crtAbi);
  const issued = theEvent(await call(factory, bob, 'issueToken', issueArgs, issueValue), 'TokenIssued');
  expect('TokenIssued [token_id, token], as the dry run said', [issued.tokenId, issued.token].map(String),
    [tokenId, tokenAddress].map(String));
  const token = new ContractPromise(api, crtAbi, tokenAddress);
  const balanceOf = async (who) => big((await query(token, who, 'psp22::balanceOf', [who.address])).ok);
  expect('bob\'s balance (1000 tokens)', await balanceOf(bob), 1_000n * UNIT);

  // 4. The AMM: bob activates it; charlie buys 5 tokens and sells 2 of them back.
  console.log('\n4. AMM (bob activates, charlie trades)');
  await call(token, bob, 'ammCurve::activateAmm', [SLOPE, INTERCEPT]);
  const buy = 5n * UNIT;
  const bq = (await query(token, charlie, 'ammCurve::quoteBuy', [buy])).ok;
  const [cost, buyFee] = [big(bq.joy), big(bq.fee)];
  const isAccount = (await query(token, charlie, 'tokenQueries::isAccount', [charlie.address])).ok.isTrue;
  const newBond = isAccount ? 0n : big((await query(token, charlie, 'tokenQueries::currentBloatBond')).ok);
  console.log(`  quote_buy(${buy}): cost ${cost} + fee ${buyFee}; bond for charlie's new account ${newBond}`);
  const deadline = (await api.query.system.number()).toNumber() + 10;
  const before = { joy: await freeJoy(charlie), tokens: await balanceOf(charlie) };
  console.log(`  charlie before: ${before.tokens} tokens, ${before.joy} JOY free`);
  // max_cost bounds cost + fee; the value also carries the bond.
  const bought = await call(token, charlie, 'amm::buyOnAmm', [buy, cost + buyFee, deadline], cost + buyFee + newBond);
  const b = theEvent(bought, 'TokensBoughtOnAmm');
  expect('TokensBoughtOnAmm [amount, cost, fee], as quoted', [b.amount, b.cost, b.fee].map(big), [buy, cost, buyFee]);
  const paid = netTransfer(bought, charlie.address, tokenAddress.toString());
  expect('JOY charlie → token (cost + fee + bond)', paid, cost + buyFee + newBond);
  expect('JOY token → factory (the treasury\'s fee)', netTransfer(bought, tokenAddress.toString(), factoryAddress), buyFee);
  const mid = { joy: await freeJoy(charlie), tokens: await balanceOf(charlie) };
  expect('charlie\'s balance', mid.tokens, before.tokens + buy);
  accountFor(charlie, before.joy, mid.joy, paid, bought);

  const sell = 2n * UNIT;
  const sq = (await query(token, charlie, 'ammCurve::quoteSell', [sell])).ok;
  const [curve, sellFee] = [big(sq.joy), big(sq.fee)];
  const proceeds = curve - sellFee;
  console.log(`  quote_sell(${sell}): ${curve} − fee ${sellFee} = ${proceeds}`);
  const sold = await call(token, charlie, 'amm::sellOnAmm', [sell, proceeds, deadline]);
  const s = theEvent(sold, 'TokensSoldOnAmm');
  expect('TokensSoldOnAmm [amount, proceeds, fee], as quoted', [s.amount, s.proceeds, s.fee].map(big), [sell, proceeds, sellFee]);
  const received = -netTransfer(sold, charlie.address, tokenAddress.toString());
  expect('JOY token → charlie (proceeds)', received, proceeds);
  expect('JOY token → factory (the treasury\'s fee)', netTransfer(sold, tokenAddress.toString(), factoryAddress), sellFee);
  const after = { joy: await freeJoy(charlie), tokens: await balanceOf(charlie) };
  expect('charlie\'s balance', after.tokens, mid.tokens - sell);
  accountFor(charlie, mid.joy, after.joy, -received, sold);

  const amm = (await query(token, charlie, 'ammCurve::ammState')).ok.unwrap();
  expect('AMM [supply, reserve] (bought − sold, cost − curve proceeds)', [amm.providedSupply, amm.reserve].map(big),
    [buy - sell, cost - curve]);
  expect('total supply', big((await query(token, charlie, 'psp22::totalSupply')).ok), 1_000n * UNIT + buy - sell);
  console.log(`\ncharlie: ${before.tokens} → ${after.tokens} token base units, ${before.joy} → ${after.joy} JOY free`);
  console.log('all checks passed');
}

process.exitCode = 1; // should the event loop ever run dry before main settles
main().then(
  () => api.disconnect().then(() => process.exit(0)),
  (e) => {
    console.error(`\nFAILED: ${e instanceof Failure ? e.message : e?.stack ?? e}`);
    process.exit(1);
  },
);
