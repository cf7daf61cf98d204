//! The bandwidth contract's messages: opening a channel in JOY and in a creator token (a PSP22
//! `transfer_from` into the contract), topping up, redeeming a voucher (the ECDSA recovery
//! included; in JOY with the fee, and in the token), the seeder's free check of a voucher, and
//! closing.

use bandwidth::bandwidth::Bandwidth;
use bandwidth_logic::messages::{ChannelViews as _, Channels as _};
use bandwidth_logic::voucher::Voucher;
use crt_tools::current_block;
use crt_tools::voucher::{generate, sign};
use crt_traits::TransferPolicy;
use ink::ToAccountId;
use psp22::PSP22 as _;

use crate::bench::Bench;
use crate::lifecycle::{
    constructor_new, issuance, issue, FactoryCalls, CREATOR, CRT, FAN, GOVERNANCE, JOY, TRADER,
};

/// The platform fee of the benchmark's bandwidth contract: 1 %.
const FEE_PPM: u32 = 10_000;
/// Its challenge period, blocks.
const CHALLENGE: u32 = 100;

pub fn run(bench: &mut Bench, factory: &mut FactoryCalls, code: &[u8]) {
    let token = issue(
        bench,
        factory,
        issuance("SEED", 1_000_000 * CRT, TransferPolicy::Permissionless, false),
    );
    let code_hash = bench.chain.upload(code, GOVERNANCE);
    let input = constructor_new((factory.to_account_id(), FEE_PPM, CHALLENGE));
    let (address, gas) = bench.chain.instantiate(code_hash, input, GOVERNANCE, 0);
    bench.record("bandwidth.new", gas);
    let mut bandwidth = ink_e2e::create_call_builder::<Bandwidth>(address);
    let (secret, signer) = generate().expect("a key");
    let reference = b"magnet:?xt=urn:btih:c9e15763f722f23e98a29decdfae341b98d53056".to_vec();
    let voucher = |channel, cumulative| {
        let voucher = Voucher {
            contract: address,
            channel,
            cumulative,
        };
        sign(&secret, &voucher)
    };

    let expires_at = current_block() + 1_000;
    let joy_channel = bench
        .call(
            "bandwidth.open_channel",
            FAN,
            &bandwidth.open_channel(TRADER, reference.clone(), signer, expires_at),
            10 * JOY,
        )
        .expect("opens");
    bench
        .call("bandwidth.top_up", FAN, &bandwidth.top_up(joy_channel, None), JOY)
        .expect("tops up");
    bench
        .query(
            "bandwidth.redeemable",
            TRADER,
            &bandwidth.redeemable(joy_channel, JOY, voucher(joy_channel, JOY)),
        )
        .expect("redeemable");
    bench
        .call(
            "bandwidth.redeem",
            TRADER,
            &bandwidth.redeem(joy_channel, JOY, voucher(joy_channel, JOY)),
            0,
        )
        .expect("redeems");
    bench
        .call(
            "bandwidth.close[seeder]",
            TRADER,
            &bandwidth.close(joy_channel),
            0,
        )
        .expect("closes");

    let mut token = token;
    bench
        .run(CREATOR, &token.approve(address, 1_000 * CRT), 0)
        .expect("approves");
    let token_channel = bench
        .call(
            "bandwidth.open_token_channel",
            CREATOR,
            &bandwidth.open_token_channel(
                TRADER,
                reference,
                signer,
                expires_at,
                token.to_account_id(),
                1_000 * CRT,
            ),
            0,
        )
        .expect("opens");
    bench
        .call(
            "bandwidth.redeem[token]",
            TRADER,
            &bandwidth.redeem(token_channel, CRT, voucher(token_channel, CRT)),
            0,
        )
        .expect("redeems");
}
