//! Shared set-up: deploy the factory with the uploaded token code, issue tokens, read balances.

pub use crt::crt::MultiTransferOutput;
use crt::crt::{Crt, CrtRef};
use crt_tools::deploy::upload_suite_code;
use crt_tools::whitelist::{build, parse, Kind};
pub use crt_traits::TokenLibraries;
use crt_traits::{InitialAllocation, IssuanceParams, ProofStep, TransferPolicy};
use factory::factory::{Factory, FactoryRef};
use ink::primitives::{AccountId, Hash};
use ink_e2e::{ChainBackend, ContractsBackend, Keypair};
use ink_sandbox::frame_support::sp_runtime::AccountId32;
use ink_sandbox::pallet_contracts::StorageDeposit;
use ink_sandbox::Ss58Codec;

pub use crt_tools::{run, Client, E2EResult};
pub type FactoryCall = <Factory as ink::codegen::ContractCallBuilder>::Type;
pub type TokenCall = <Crt as ink::codegen::ContractCallBuilder>::Type;

/// Bloat bond of the test factory, in JOY base units.
pub const BOND: u128 = 1_000_000;
pub const BLOCKS_PER_YEAR: u32 = 5_259_600;

pub fn id(keypair: &Keypair) -> AccountId {
    AccountId::from(keypair.public_key().0)
}

/// JOY the origin was charged (positive) or refunded (negative) for storage by a dry run.
pub fn storage_charge(deposit: &StorageDeposit<u128>) -> i128 {
    match deposit {
        StorageDeposit::Charge(x) => *x as i128,
        StorageDeposit::Refund(x) => -(*x as i128),
    }
}

/// JOY change of an account across a call, net of the storage deposit the call charged it.
pub fn net(after: u128, before: u128, charged: i128) -> i128 {
    after as i128 - before as i128 + charged
}

/// Uploads the token, token library and factory library code and deploys the factory
/// (governance: alice). Code someone else uploaded before stays theirs: an upload of code that
/// exists changes nothing.
pub async fn deploy_factory(client: &mut Client) -> E2EResult<(AccountId, FactoryCall)> {
    let code = upload_suite_code(client, &ink_e2e::alice()).await?;
    let mut constructor = FactoryRef::new(
        code.token,
        code.token_libraries,
        code.factory_library,
        code.live_marker,
        BLOCKS_PER_YEAR,
        BOND,
    );
    let factory = client
        .instantiate("factory", &ink_e2e::alice(), &mut constructor)
        .submit()
        .await?;
    Ok((factory.account_id, factory.call_builder::<Factory>()))
}

pub fn params(symbol: &str, allocation: Vec<InitialAllocation>, policy: TransferPolicy) -> IssuanceParams {
    IssuanceParams {
        name: format!("{symbol} token"),
        symbol: symbol.into(),
        decimals: 10,
        initial_allocation: allocation,
        transfer_policy: policy,
        patronage_rate: 10_000,
        revenue_split_rate: 500_000,
        metadata: b"ipfs://channel".to_vec(),
    }
}

pub fn allocate(to: &Keypair, amount: u128) -> InitialAllocation {
    InitialAllocation {
        account: id(to),
        amount,
        vesting: None,
    }
}

/// The token code and token libraries the factory deploys now: what an issuer reviews and
/// names in `issue_token`.
pub async fn code_pair(client: &mut Client, factory: &FactoryCall) -> E2EResult<(Hash, TokenLibraries)> {
    let alice = ink_e2e::alice();
    let code = client
        .call(&alice, &factory.token_code_hash())
        .dry_run()
        .await?
        .return_value();
    let library = client
        .call(&alice, &factory.token_libraries())
        .dry_run()
        .await?
        .return_value();
    Ok((code, library))
}

/// Issues a token as `issuer` paying exactly the bonds; returns its call builder and address.
pub async fn issue(
    client: &mut Client,
    factory: &mut FactoryCall,
    issuer: &Keypair,
    params: IssuanceParams,
) -> E2EResult<(AccountId, TokenCall)> {
    let accounts = params.initial_allocation.iter().filter(|a| a.amount > 0).count() as u128;
    let (code, library) = code_pair(client, factory).await?;
    let (_, address) = client
        .call(issuer, &factory.issue_token(params, code, library))
        .value(accounts * BOND)
        .submit()
        .await?
        .return_value()
        .expect("issue_token failed");
    Ok((address, ink_e2e::create_call_builder::<Crt>(address)))
}

/// A token whitelist over `members`, made by the issuers' Merkle tool from their SS58
/// addresses: its root and each member's proof.
pub fn whitelist(members: &[AccountId]) -> (Hash, Vec<Vec<ProofStep>>) {
    sale_whitelist(
        &members.iter().map(|m| (*m, None)).collect::<Vec<_>>(),
        Kind::Token,
    )
}

/// A whitelist over `(member, cap)` pairs, through the tool's text format.
pub fn sale_whitelist(members: &[(AccountId, Option<u128>)], kind: Kind) -> (Hash, Vec<Vec<ProofStep>>) {
    let text: String = members
        .iter()
        .map(|(m, cap)| {
            let bytes: [u8; 32] = *m.as_ref();
            let ss58 = AccountId32::from(bytes).to_ss58check();
            format!("{ss58} {}\n", cap.map(|c| c.to_string()).unwrap_or_default())
        })
        .collect();
    let list = build(&parse(&text).expect("valid list"), kind).expect("non-empty whitelist");
    (
        Hash::from(list.root),
        list.proofs.into_iter().map(|(_, proof)| proof).collect(),
    )
}

pub async fn joy(client: &mut Client, who: AccountId) -> u128 {
    client.free_balance(who).await.expect("balance query")
}

#[allow(dead_code)]
pub fn token_ref(address: AccountId) -> CrtRef {
    <CrtRef as ink::env::call::FromAccountId<ink::env::DefaultEnvironment>>::from_account_id(address)
}
