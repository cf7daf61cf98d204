//! `cargo run -p crt-tools --bin voucher -- COMMAND` — a bandwidth channel's keys and vouchers
//! (see `crt_tools::voucher`):
//!
//! - `keygen` — a new signer key: the secret (keep it) and the public key (`signer` of
//!   `open_channel`).
//! - `sign SECRET CONTRACT CHANNEL CUMULATIVE` — the voucher's signature, for the seeder's
//!   `redeem`.
//! - `verify SIGNER CONTRACT CHANNEL CUMULATIVE SIGNATURE` — `valid` (exit 0) or `invalid`
//!   (exit 1): what a seeder checks before serving more.
//!
//! Keys and signatures are hex; `CONTRACT` is an SS58 address or 32 bytes of hex; amounts are
//! base units of the channel's asset.

use bandwidth_logic::voucher::Voucher;
use crt_tools::voucher::{from_hex, generate, public_key, sign, to_hex, verify};
use ink::primitives::AccountId;
use ink_sandbox::frame_support::sp_runtime::AccountId32;
use ink_sandbox::Ss58Codec;
use secp256k1::SecretKey;

const USAGE: &str = "usage: voucher keygen
       voucher sign SECRET CONTRACT CHANNEL CUMULATIVE
       voucher verify SIGNER CONTRACT CHANNEL CUMULATIVE SIGNATURE";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match run(&words) {
        Ok(true) => {}
        Ok(false) => std::process::exit(1),
        Err(e) => {
            eprintln!("{e}\n{USAGE}");
            std::process::exit(2);
        }
    }
}

/// Runs one command; `Ok(false)`: a voucher did not verify.
fn run(words: &[&str]) -> Result<bool, String> {
    match words {
        ["keygen"] => {
            let (secret, signer) = generate()?;
            println!("secret {}", to_hex(&secret.secret_bytes()));
            println!("signer {}", to_hex(&signer));
            Ok(true)
        }
        ["sign", secret, contract, channel, cumulative] => {
            let secret =
                SecretKey::from_slice(&from_hex::<32>(secret)?).map_err(|e| format!("secret: {e}"))?;
            let voucher = voucher(contract, channel, cumulative)?;
            println!("signer    {}", to_hex(&public_key(&secret)));
            println!("signature {}", to_hex(&sign(&secret, &voucher)));
            Ok(true)
        }
        ["verify", signer, contract, channel, cumulative, signature] => {
            let valid = verify(
                &voucher(contract, channel, cumulative)?,
                &from_hex::<65>(signature)?,
                &from_hex::<33>(signer)?,
            );
            println!("{}", if valid { "valid" } else { "invalid" });
            Ok(valid)
        }
        _ => Err("unknown command or wrong number of arguments".into()),
    }
}

fn voucher(contract: &str, channel: &str, cumulative: &str) -> Result<Voucher, String> {
    let contract = match AccountId32::from_ss58check(contract) {
        Ok(account) => AccountId::from(*<AccountId32 as AsRef<[u8; 32]>>::as_ref(&account)),
        Err(_) => AccountId::from(from_hex::<32>(contract)?),
    };
    Ok(Voucher {
        contract,
        channel: channel.parse().map_err(|e| format!("channel `{channel}`: {e}"))?,
        cumulative: cumulative
            .parse()
            .map_err(|e| format!("cumulative `{cumulative}`: {e}"))?,
    })
}
