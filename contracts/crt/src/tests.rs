//! Unit tests of the token on the off-chain engine — shared helpers, the `psp22` conformance
//! suite and the constructor. The `tests_*` files cover every other message and error variant,
//! the events, and "a rejected message changes nothing". The factory is the stand-in of
//! `factory_link` (frozen flag and bond set per test).

use crt_traits::{
    InitialAllocation, IssuanceParams, Permill, TokenConstraints, TokenContext, TokenLibraries,
    TransferPolicy, VestingScheduleParams,
};
use ink::env::test::{
    callee, default_accounts, get_account_balance, recorded_events, set_account_balance, set_block_number,
    set_callee, set_caller, set_value_transferred, DefaultAccounts, EmittedEvent,
};
use ink::env::DefaultEnvironment as E;
use ink::primitives::AccountId;
use psp22::{PSP22Metadata, PSP22};

use crate::crt::Crt;
pub(crate) use crate::crt::MultiTransferOutput;
use crt_logic::data::TokenInfo;
use crt_logic::errors::Error;
use crt_logic::factory_link::stand_in;
/// The token's library messages are trait methods (declared once in `crt_logic::messages`):
/// in scope for every test file that imports these helpers.
pub(crate) use crt_logic::messages::{
    Accounts as _, Amm as _, AmmCurve as _, BondDeposits as _, Governed as _, HeldPayouts as _, Issuer as _,
    Patronage as _, RevenueSplit as _, Sale as _, TokenQueries as _,
};

pub(crate) const BOND: u128 = 100;
pub(crate) const BPY: u32 = 5_259_600;
/// Unit tests run library messages directly, so any code hash will do.
/// Code hashes the unit tests' tokens are deployed with (the off-chain engine runs library
/// messages directly, so no code is behind them).
pub(crate) fn libraries() -> TokenLibraries {
    TokenLibraries {
        main: [7; 32].into(),
        amm: [8; 32].into(),
        accounts: [9; 32].into(),
    }
}
/// The live marker's address (the stand-in answers for it: live unless set frozen).
pub(crate) const MARKER: [u8; 32] = [0x11; 32];
/// The off-chain engine's existential deposit: the contract keeps it.
pub(crate) const ED: u128 = 1_000_000;

pub(crate) fn acc() -> DefaultAccounts<E> {
    default_accounts::<E>()
}

pub(crate) fn set_context(bond: u128, frozen: bool) {
    stand_in::set_context(Some(TokenContext {
        frozen,
        constraints: TokenConstraints::defaults(bond),
        blocks_per_year: 5_259_600,
    }));
    stand_in::set_accept_issuer_change(true);
}

/// Governance's parameters as the factory stand-in answers them from now on, synced into
/// `token` (as anyone can with `sync_constraints`).
pub(crate) fn use_constraints(token: &mut Crt, constraints: TokenConstraints) {
    stand_in::set_context(Some(TokenContext {
        frozen: false,
        constraints,
        blocks_per_year: BPY,
    }));
    token.sync_constraints().expect("syncs");
}

/// The parameters a token is deployed with: the factory stand-in's current ones.
pub(crate) fn current_constraints() -> TokenConstraints {
    stand_in::token_context(AccountId::from([0; 32]))
        .map(|context| context.constraints)
        .unwrap_or(TokenConstraints::defaults(BOND))
}

pub(crate) fn issuance(allocations: Vec<InitialAllocation>, policy: TransferPolicy) -> IssuanceParams {
    IssuanceParams {
        name: "Fan token".into(),
        symbol: "FAN".into(),
        decimals: 10,
        initial_allocation: allocations,
        transfer_policy: policy,
        patronage_rate: 10_000,
        revenue_split_rate: 500_000,
        metadata: b"meta".to_vec(),
    }
}

pub(crate) fn alloc(account: AccountId, amount: u128) -> InitialAllocation {
    InitialAllocation {
        account,
        amount,
        vesting: None,
    }
}

/// Deploys a token from `django` (the factory) for issuer alice, bond `BOND`, funded with
/// exactly the bonds; the caller is alice afterwards.
pub(crate) fn deploy(allocations: Vec<InitialAllocation>, policy: TransferPolicy) -> Crt {
    let token = deploy_unfunded(allocations, policy);
    set_account_balance::<E>(callee::<E>(), ED + token.token_info().bloat_bonds_held);
    token
}

/// The token contract's own account (the engine's default callee is alice).
pub(crate) fn contract() -> AccountId {
    AccountId::from([0xC0; 32])
}

/// As `deploy`, but the contract account holds no JOY at all.
pub(crate) fn deploy_unfunded(allocations: Vec<InitialAllocation>, policy: TransferPolicy) -> Crt {
    set_context(BOND, false);
    set_block_number::<E>(1);
    set_callee::<E>(contract());
    let a = acc();
    for who in [a.alice, a.bob, a.charlie, a.django, a.eve, a.frank] {
        set_account_balance::<E>(who, 1_000_000_000);
    }
    let accounts = allocations.iter().filter(|a| a.amount > 0).count() as u128;
    set_caller::<E>(acc().django);
    set_value_transferred::<E>(accounts * BOND);
    let token = Crt::new(
        libraries(),
        7,
        acc().alice,
        issuance(allocations, policy),
        current_constraints(),
        BPY,
        MARKER.into(),
    )
    .expect("deploys");
    set_value_transferred::<E>(0);
    set_caller::<E>(acc().alice);
    token
}

pub(crate) fn permissionless(allocations: Vec<(AccountId, u128)>) -> Crt {
    deploy(
        allocations.into_iter().map(|(a, n)| alloc(a, n)).collect(),
        TransferPolicy::Permissionless,
    )
}

/// Sets `caller` and sends `value` JOY with the next message (moving the JOY as the chain
/// would, since the off-chain engine does not).
pub(crate) fn pay(caller: AccountId, value: u128) {
    set_caller::<E>(caller);
    set_value_transferred::<E>(value);
    let contract = callee::<E>();
    set_account_balance::<E>(contract, joy(contract) + value);
    set_account_balance::<E>(caller, joy(caller) - value);
}

pub(crate) fn joy(who: AccountId) -> u128 {
    get_account_balance::<E>(who).unwrap_or_default()
}

pub(crate) fn events() -> Vec<EmittedEvent> {
    recorded_events().collect()
}

pub(crate) fn decode<T: scale::Decode>(event: &EmittedEvent) -> Option<T> {
    T::decode(&mut &event.data[..]).ok()
}

/// What each account holds in the token besides its balance: the account (stake, vesting,
/// bond), its purchases in the current sale and the payouts held for it.
type AccountView = (Option<crt_logic::queries::AccountInfo>, u128, u128);

/// Everything observable: token info, balances of the default accounts, their JOY, and their
/// accounts in the token.
pub(crate) fn snapshot(token: &Crt) -> (TokenInfo, Vec<u128>, Vec<u128>, Vec<AccountView>) {
    let all = [
        acc().alice,
        acc().bob,
        acc().charlie,
        acc().django,
        acc().eve,
        acc().frank,
        callee::<E>(),
    ];
    (
        token.token_info(),
        all.iter().map(|a| token.balance_of(*a)).collect(),
        all.iter().map(|a| joy(*a)).collect(),
        all.iter()
            .map(|a| {
                (
                    token.account_info(*a),
                    token.purchased_on_sale(*a),
                    token.payout_held_for(*a),
                )
            })
            .collect(),
    )
}

/// Asserts `f` fails with `expected` and leaves every observable unchanged.
pub(crate) fn assert_rejected<T: core::fmt::Debug>(
    token: &mut Crt,
    expected: Error,
    f: impl FnOnce(&mut Crt) -> Result<T, Error>,
) {
    let before = snapshot(token);
    let events_before = recorded_events().count();
    let result = f(token);
    assert_eq!(result.map(|_| ()).unwrap_err(), expected);
    assert_eq!(snapshot(token), before, "state changed by a rejected call");
    assert_eq!(
        recorded_events().count(),
        events_before,
        "events from a rejected call"
    );
}

/// A public sale of `quantity` at 1 JOY per unit, starting now, for the minimum duration.
pub(crate) fn public_sale(quantity: u128) -> crate::crt::SaleParams {
    crate::crt::SaleParams {
        unit_price: 1,
        quantity,
        start: None,
        duration: 14_400,
        vesting: None,
        cap_per_buyer: None,
        whitelist: None,
        metadata: vec![],
    }
}

pub(crate) fn vesting(before_cliff: u32, cliff_pct: u32, duration: u32) -> VestingScheduleParams {
    VestingScheduleParams {
        blocks_before_cliff: before_cliff,
        cliff_percentage: Permill::from_percent(cliff_pct),
        linear_vesting_duration: duration,
    }
}

mod psp22_conformance {
    use super::*;
    psp22::tests!(
        Crt,
        (|supply: u128| {
            set_context(0, false);
            let alice = default_accounts::<E>().alice;
            let params = issuance(vec![alloc(alice, supply)], TransferPolicy::Permissionless);
            Crt::new(
                libraries(),
                1,
                alice,
                params,
                TokenConstraints::defaults(0),
                BPY,
                MARKER.into(),
            )
            .expect("deploys")
        })
    );
}

#[ink::test]
fn constructor_creates_accounts_with_bonds_and_vesting() {
    let a = acc();
    let vested = InitialAllocation {
        account: a.bob,
        amount: 1_000,
        vesting: Some(vesting(10, 20, 100)),
    };
    let token = deploy(
        vec![alloc(a.alice, 500), vested, alloc(a.charlie, 0)],
        TransferPolicy::Permissionless,
    );
    let info = token.token_info();
    assert_eq!(
        (info.total_supply, info.tokens_issued, info.accounts_number),
        (1_500, 1_500, 2)
    );
    assert_eq!(
        (info.bloat_bonds_held, info.issuer, info.token_id),
        (2 * BOND, a.alice, 7)
    );
    assert!(!token.is_account(a.charlie));
    assert_eq!(token.factory(), a.django);
    let bob = token.account_info(a.bob).unwrap();
    assert_eq!(
        (bob.amount, bob.vesting_locked, bob.transferrable, bob.bloat_bond),
        (1_000, 1_000, 0, BOND)
    );
    assert_eq!(token.transferrable_at(a.bob, 11), 200);
    assert_eq!(token.vesting_locked_at(a.bob, 61), 400);
    assert_eq!(token.token_name(), Some("Fan token".into()));
    assert_eq!(token.token_symbol(), Some("FAN".into()));
    assert_eq!(token.token_decimals(), 10);
    assert_eq!(token.token_metadata().metadata, b"meta".to_vec());
    // Transfer per allocation, vesting event, bond events.
    let evs = events();
    assert_eq!(evs.len(), 5);
    let mint = decode::<psp22::Transfer>(&evs[0]).unwrap();
    assert_eq!((mint.from, mint.to, mint.value), (None, Some(a.alice), 500));
}

#[ink::test]
fn constructor_rejects_bad_params_and_missing_bonds() {
    let a = acc();
    set_context(BOND, false);
    set_caller::<E>(a.django);
    let mut bad = issuance(vec![], TransferPolicy::Permissionless);
    bad.revenue_split_rate = 0;
    assert_eq!(
        Crt::new(
            libraries(),
            1,
            a.alice,
            bad,
            TokenConstraints::defaults(BOND),
            BPY,
            MARKER.into()
        )
        .err(),
        Some(Error::InvalidIssuanceParams)
    );
    set_value_transferred::<E>(BOND - 1);
    let unpaid = issuance(vec![alloc(a.bob, 1)], TransferPolicy::Permissionless);
    assert_eq!(
        Crt::new(
            libraries(),
            1,
            a.alice,
            unpaid,
            TokenConstraints::defaults(BOND),
            BPY,
            MARKER.into()
        )
        .err(),
        Some(Error::InsufficientBloatBond)
    );
    set_value_transferred::<E>(BOND);
    let overflow = InitialAllocation {
        account: a.bob,
        amount: 1,
        vesting: Some(vesting(u32::MAX, 0, 1)),
    };
    let params = issuance(vec![overflow], TransferPolicy::Permissionless);
    assert_eq!(
        Crt::new(
            libraries(),
            1,
            a.alice,
            params,
            TokenConstraints::defaults(BOND),
            BPY,
            MARKER.into()
        )
        .err(),
        Some(Error::BlockNumberOverflow)
    );
}

/// The token's Wasm entry points (`entry.rs`) read and write the root cell at `ROOT_KEY`; the
/// library's generated code reads it where ink! puts a contract's storage struct.
#[test]
fn hand_written_entry_points_use_inks_storage_root() {
    assert_eq!(
        <Crt as ink::storage::traits::StorageKey>::KEY,
        crt_logic::state::ROOT_KEY
    );
}

/// The main library's `deploy_token` (the token's deployment, which the token's entry point
/// hands to it) is a message any caller can send to a live token: it fills in only the empty
/// state the entry point stores before it.
#[ink::test]
fn a_deployed_token_refuses_a_second_deployment() {
    let mut token = deploy(vec![alloc(acc().bob, 1_000)], TransferPolicy::Permissionless);
    set_caller::<E>(acc().eve);
    let deployment = deployment_of(99, acc().eve, alloc(acc().eve, 1_000_000));
    assert_rejected(&mut token, Error::TokenAlreadyDeployed, |t| {
        t.state_mut().fill_in(deployment)
    });
    assert_eq!(token.token_info().issuer, acc().alice);
    assert_eq!(token.balance_of(acc().eve), 0);

    // The empty state the entry point stores is the one state it accepts.
    let mut empty = crt_logic::state::TokenState::before_deployment(libraries());
    set_caller::<E>(acc().django);
    set_value_transferred::<E>(BOND);
    let fresh = deployment_of(8, acc().alice, alloc(acc().charlie, 5));
    assert_eq!(empty.fill_in(fresh), Ok(()));
    assert_eq!(empty.data.info.token_id, 8);
    assert_eq!(empty.layout, crt_logic::state::LAYOUT_VERSION);
    set_value_transferred::<E>(0);
}

/// The constructor's arguments for a permissionless token `token_id` of `issuer` with one
/// allocation, as the unit tests deploy it.
fn deployment_of(
    token_id: u64,
    issuer: AccountId,
    allocation: InitialAllocation,
) -> crt_logic::token_messages::Deployment {
    crt_logic::token_messages::Deployment {
        libraries: libraries(),
        token_id,
        issuer,
        params: issuance(vec![allocation], TransferPolicy::Permissionless),
        constraints: current_constraints(),
        blocks_per_year: BPY,
        live_marker: MARKER.into(),
    }
}
