#!/usr/bin/env node
// Uploads the code the factory instantiates (or delegates to) but Contracts UI never does:
// the token, its three libraries, the factory library and the live marker. Prints one
// `<name> <code hash>` line per code; the hash is blake2-256 of the Wasm, as the chain computes it.
//   node upload.mjs <ws-url> <bundle-dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';

const CODES = ['crt', 'crt_library', 'amm_library', 'accounts_library', 'factory_library', 'live_marker'];
const [url, bundleDir] = process.argv.slice(2);

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');

function send(name, tx) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(alice, ({ status, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(`${name}: ${status.type}`));
      if (!status.isInBlock) return;
      if (dispatchError?.isModule) {
        const { section, name: error } = api.registry.findMetaError(dispatchError.asModule);
        // The same code uploaded twice (a rerun on a persistent node) is not a failure.
        if (error !== 'CodeAlreadyExists') return reject(new Error(`${name}: ${section}.${error}`));
      } else if (dispatchError) return reject(new Error(`${name}: ${dispatchError}`));
      resolve();
    }).catch(reject);
  });
}

try {
  for (const name of CODES) {
    const wasm = readFileSync(join(bundleDir, name, `${name}.wasm`));
    const hash = blake2AsHex(wasm, 256);
    await send(name, api.tx.contracts.uploadCode(u8aToHex(wasm), null, 'Enforced'));
    const stored = await api.query.contracts.codeInfoOf(hash);
    if (stored.isNone) throw new Error(`${name}: no code stored under ${hash}`);
    console.log(`${name} ${hash}`);
  }
} finally {
  await api.disconnect();
}
