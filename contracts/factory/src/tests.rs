//! Unit tests of the factory on the off-chain engine: governance, validation before any
//! deployment, the index and its pages, the issuer-change callback, the treasury. Deploying
//! and deissuing tokens (cross-contract) is covered end to end in `e2e-tests`.

use crt_traits::{
    CrtFactory, InitialAllocation, IssuanceParams, Permill, TokenConstraints, TokenConstraintsUpdate,
    TokenLibraries, TransferPolicy, VestingScheduleParams, MAX_INITIAL_ALLOCATIONS, MAX_METADATA_LEN,
    MAX_NAME_LEN,
};
use ink::env::test::{
    callee, default_accounts, get_account_balance, recorded_events, set_account_balance, set_callee,
    set_caller, set_value_transferred, DefaultAccounts,
};
use ink::env::DefaultEnvironment as E;
use ink::primitives::{AccountId, Hash};

use crate::factory::Factory;
use crate::live_switch::stand_in as live_marker;
use crate::registry::Registry;
use crate::Error;

const BOND: u128 = 1_000;
/// The token code and token library the test factory is deployed with.
fn code_hash() -> Hash {
    Hash::from([9; 32])
}
fn library_hash() -> TokenLibraries {
    libraries(8, 7)
}

/// Libraries with these hash bytes for main and AMM (the accounts library's: 0x44).
fn libraries(main: u8, amm: u8) -> TokenLibraries {
    TokenLibraries {
        main: Hash::from([main; 32]),
        amm: Hash::from([amm; 32]),
        accounts: Hash::from([0x44; 32]),
    }
}
const ED: u128 = 1_000_000;

fn acc() -> DefaultAccounts<E> {
    default_accounts::<E>()
}

fn factory_account() -> AccountId {
    AccountId::from([0xFA; 32])
}

/// A factory deployed by alice (governance).
fn deploy() -> Factory {
    set_callee::<E>(factory_account());
    set_account_balance::<E>(factory_account(), ED);
    set_caller::<E>(acc().alice);
    Factory::new(
        code_hash(),
        library_hash(),
        Hash::from([6; 32]),
        Hash::from([5; 32]),
        5_259_600,
        BOND,
    )
}

fn params(symbol: &str) -> IssuanceParams {
    IssuanceParams {
        name: "Token".into(),
        symbol: symbol.into(),
        decimals: 10,
        initial_allocation: vec![InitialAllocation {
            account: acc().bob,
            amount: 10,
            vesting: None,
        }],
        transfer_policy: TransferPolicy::Permissionless,
        patronage_rate: 0,
        revenue_split_rate: 1,
        metadata: vec![],
    }
}

fn token_address(n: u8) -> AccountId {
    AccountId::from([n; 32])
}

#[ink::test]
fn constructor_sets_governance_and_reference_defaults() {
    let factory = deploy();
    assert_eq!(factory.governance(), acc().alice);
    assert_eq!(factory.pending_governance(), None);
    assert_eq!(factory.token_constraints(), TokenConstraints::defaults(BOND));
    assert_eq!(factory.token_constraints().sale_platform_fee, 20_000);
    assert_eq!(factory.token_code_hash(), Hash::from([9; 32]));
    assert_eq!(factory.token_libraries(), libraries(8, 7));
    assert_eq!(factory.blocks_per_year(), 5_259_600);
    assert!(!factory.is_frozen());
    assert_eq!(factory.live_marker(), live_marker::address());
    assert_eq!((factory.token_count(), factory.next_token_id()), (0, 0));
    let context = factory.token_context();
    assert_eq!(
        (context.frozen, context.constraints, context.blocks_per_year),
        (false, factory.token_constraints(), 5_259_600)
    );
}

#[ink::test]
fn issue_token_validates_before_deploying() {
    let mut factory = deploy();
    set_caller::<E>(acc().bob);
    let with = |f: &dyn Fn(&mut IssuanceParams)| {
        let mut p = params("FAN");
        f(&mut p);
        p
    };
    let cases: Vec<(IssuanceParams, Error)> = vec![
        (with(&|p| p.symbol = "".into()), Error::InvalidSymbol),
        (with(&|p| p.symbol = "F@N".into()), Error::InvalidSymbol),
        (
            with(&|p| p.name = "n".repeat(MAX_NAME_LEN + 1)),
            Error::NameTooLong,
        ),
        (with(&|p| p.decimals = 19), Error::TooManyDecimals),
        (
            with(&|p| p.metadata = vec![1; MAX_METADATA_LEN + 1]),
            Error::MetadataTooLong,
        ),
        (with(&|p| p.revenue_split_rate = 0), Error::RevenueSplitRateIsZero),
        (with(&|p| p.revenue_split_rate = 1_000_001), Error::InvalidRate),
        (
            with(&|p| p.patronage_rate = 150_001),
            Error::YearlyPatronageRateLimitExceeded,
        ),
        (
            with(&|p| {
                p.initial_allocation = vec![p.initial_allocation[0].clone(); MAX_INITIAL_ALLOCATIONS + 1]
            }),
            Error::TooManyAllocations,
        ),
        (
            with(&|p| p.initial_allocation = vec![p.initial_allocation[0].clone(); 2]),
            Error::DuplicateAllocation,
        ),
        (
            with(&|p| {
                p.initial_allocation[0].vesting = Some(VestingScheduleParams {
                    blocks_before_cliff: 0,
                    cliff_percentage: Permill(2_000_000),
                    linear_vesting_duration: 0,
                })
            }),
            Error::InvalidVestingParams,
        ),
        (
            with(&|p| {
                p.initial_allocation[0].amount = u128::MAX;
                p.initial_allocation.push(InitialAllocation {
                    account: acc().charlie,
                    amount: 1,
                    vesting: None,
                });
            }),
            Error::ArithmeticOverflow,
        ),
        // One account: one bond owed, nothing sent.
        (params("FAN"), Error::InsufficientBloatBond),
    ];
    for (p, expected) in cases {
        assert_eq!(factory.issue_token(p, code_hash(), library_hash()), Err(expected));
    }
    assert_eq!(factory.next_token_id(), 0);
    assert_eq!(recorded_events().count(), 0);

    // Symbols are unique case-insensitively.
    factory
        .registry_mut()
        .insert(token_address(1), "FaN".into(), acc().bob, 1);
    set_value_transferred::<E>(BOND);
    assert_eq!(
        factory.issue_token(params("fan"), code_hash(), library_hash()),
        Err(Error::SymbolTaken)
    );
    // Frozen: nothing is issued.
    set_caller::<E>(acc().alice);
    factory.set_frozen_status(true).unwrap();
    set_caller::<E>(acc().bob);
    assert_eq!(
        factory.issue_token(params("NEW"), code_hash(), library_hash()),
        Err(Error::Frozen)
    );
    assert_eq!(factory.deissue_token(0), Err(Error::Frozen));
}

#[ink::test]
fn governance_messages_are_governance_only_and_two_step() {
    let mut factory = deploy();
    set_caller::<E>(acc().bob);
    let update = TokenConstraintsUpdate {
        bloat_bond: Some(5),
        ..Default::default()
    };
    assert_eq!(
        factory.update_token_constraints(update),
        Err(Error::NotGovernance)
    );
    assert_eq!(factory.set_frozen_status(true), Err(Error::NotGovernance));
    assert_eq!(
        factory.set_token_code_hash(Hash::from([1; 32]), libraries(2, 3)),
        Err(Error::NotGovernance)
    );
    assert_eq!(
        factory.propose_governance(Some(acc().bob)),
        Err(Error::NotGovernance)
    );
    assert_eq!(
        factory.withdraw_platform_fees(acc().bob, 1),
        Err(Error::NotGovernance)
    );
    assert_eq!(factory.accept_governance(), Err(Error::NotPendingGovernance));

    set_caller::<E>(acc().alice);
    let bad = TokenConstraintsUpdate {
        amm_buy_tx_fee: Some(1_000_001),
        ..Default::default()
    };
    assert_eq!(
        factory.update_token_constraints(bad),
        Err(Error::InvalidConstraints)
    );
    factory.update_token_constraints(update).unwrap();
    assert_eq!(
        factory.token_constraints(),
        TokenConstraints {
            bloat_bond: 5,
            ..TokenConstraints::defaults(BOND)
        }
    );
    factory.set_frozen_status(true).unwrap();
    assert!(factory.is_frozen() && factory.token_context().frozen);
    // Parameters can change while frozen.
    factory
        .update_token_constraints(TokenConstraintsUpdate {
            min_sale_duration: Some(1),
            ..Default::default()
        })
        .unwrap();
    factory
        .set_token_code_hash(Hash::from([1; 32]), libraries(2, 3))
        .unwrap();
    assert_eq!(factory.token_code_hash(), Hash::from([1; 32]));
    assert_eq!(factory.token_libraries(), libraries(2, 3));

    factory.propose_governance(Some(acc().bob)).unwrap();
    set_caller::<E>(acc().charlie);
    assert_eq!(factory.accept_governance(), Err(Error::NotPendingGovernance));
    set_caller::<E>(acc().bob);
    factory.accept_governance().unwrap();
    assert_eq!(
        (factory.governance(), factory.pending_governance()),
        (acc().bob, None)
    );
    set_caller::<E>(acc().alice);
    assert_eq!(factory.set_frozen_status(false), Err(Error::NotGovernance));
}

#[ink::test]
fn treasury_receives_fees_and_governance_withdraws_them() {
    let mut factory = deploy();
    set_caller::<E>(acc().charlie);
    set_value_transferred::<E>(700);
    set_account_balance::<E>(callee::<E>(), ED + 700);
    factory.deposit_platform_fee();
    // The off-chain engine reports the whole balance (the chain reports it net of the
    // existential deposit; the end-to-end suite checks the exact amount there).
    let available = factory.platform_fees_available();
    assert_eq!(available, ED + 700);
    set_caller::<E>(acc().alice);
    assert_eq!(
        factory.withdraw_platform_fees(acc().eve, available + 1),
        Err(Error::InsufficientPlatformFees)
    );
    let before = get_account_balance::<E>(acc().eve).unwrap_or_default();
    factory.withdraw_platform_fees(acc().eve, 700).unwrap();
    assert_eq!(get_account_balance::<E>(acc().eve).unwrap(), before + 700);
    assert_eq!(factory.platform_fees_available(), available - 700);
}

#[ink::test]
fn index_serves_ids_symbols_addresses_issuers_and_pages() {
    let mut factory = deploy();
    let (bob, charlie) = (acc().bob, acc().charlie);
    for (n, symbol, issuer) in [
        (1, "AAA", bob),
        (2, "BBB", charlie),
        (3, "CCC", bob),
        (4, "DDD", bob),
    ] {
        factory
            .registry_mut()
            .insert(token_address(n), symbol.into(), issuer, 5);
    }
    assert_eq!(factory.token_count(), 4);
    assert_eq!(factory.token(1).unwrap().symbol, "BBB");
    assert_eq!(factory.token_by_symbol("ccc".into()).unwrap().token_id, 2);
    assert_eq!(factory.token_by_symbol("c-c".into()), None);
    assert_eq!(factory.token_by_address(token_address(4)).unwrap().symbol, "DDD");
    let page = factory.list_tokens(1, 2).unwrap();
    assert_eq!(page.iter().map(|r| r.token_id).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(factory.list_tokens(0, 51), Err(Error::PageTooLarge));
    assert_eq!(factory.tokens_of_issuer(bob, 0, 51), Err(Error::PageTooLarge));
    assert_eq!(factory.issuer_token_count(bob), 3);

    // Removing bob's first token moves his last one into its slot.
    factory.registry_mut().remove(0).unwrap();
    let of_bob = factory.tokens_of_issuer(bob, 0, 10).unwrap();
    assert_eq!(
        of_bob
            .iter()
            .map(|r| (r.token_id, r.issuer_slot))
            .collect::<Vec<_>>(),
        vec![(3, 0), (2, 1)]
    );
    assert_eq!(factory.token_by_symbol("AAA".into()), None);
    assert_eq!(factory.list_tokens(0, 2).unwrap().len(), 1);
    assert_eq!(factory.deissue_token(0), Err(Error::TokenNotFound));

    // The issuer-change callback is honoured only from the token's own contract.
    set_caller::<E>(acc().eve);
    assert!(!factory.record_issuer_change(2, acc().eve));
    assert!(!factory.record_issuer_change(99, acc().eve));
    set_caller::<E>(token_address(3));
    assert!(factory.record_issuer_change(2, charlie));
    assert_eq!(factory.issuer_token_count(bob), 1);
    assert_eq!(factory.issuer_token_count(charlie), 2);
    assert_eq!(factory.token(2).unwrap().issuer, charlie);
    assert_eq!(factory.tokens_of_issuer(bob, 0, 10).unwrap()[0].token_id, 3);
}

#[ink::test]
fn registry_default_is_empty() {
    let registry = Registry::default();
    assert_eq!((registry.next_token_id, registry.live_tokens), (0, 0));
    assert!(registry.token(0).is_none());
}

/// Governance-only messages refuse a token issuer, a holder, a stranger and a token contract.
#[ink::test]
fn governance_access_matrix() {
    type Call = fn(&mut Factory) -> Result<(), Error>;
    let calls: Vec<(&str, Call)> = vec![
        ("update_token_constraints", |f| {
            f.update_token_constraints(TokenConstraintsUpdate::default())
        }),
        ("set_frozen_status", |f| f.set_frozen_status(true)),
        ("set_token_code_hash", |f| {
            f.set_token_code_hash(Hash::from([1; 32]), libraries(2, 3))
        }),
        ("propose_governance", |f| f.propose_governance(None)),
        ("withdraw_platform_fees", |f| {
            f.withdraw_platform_fees(acc().eve, 0)
        }),
    ];
    let mut factory = deploy();
    factory
        .registry_mut()
        .insert(token_address(0x33), "ABC".into(), acc().bob, 1);
    let callers = [
        ("issuer", acc().bob),
        ("holder", acc().charlie),
        ("stranger", acc().eve),
        ("token", token_address(0x33)),
    ];
    for (name, call) in &calls {
        for (role, caller) in callers {
            set_caller::<E>(caller);
            assert_eq!(
                call(&mut factory),
                Err(Error::NotGovernance),
                "{name} by the {role}"
            );
        }
        set_caller::<E>(acc().alice);
        assert_eq!(call(&mut factory), Ok(()), "{name} by governance");
    }
    assert_eq!(factory.governance(), acc().alice);
}

#[ink::test]
fn finding_04_governance_cannot_set_fees_or_the_threshold_beyond_their_caps() {
    let mut factory = deploy();
    set_caller::<E>(acc().alice);
    for update in [
        TokenConstraintsUpdate {
            amm_sell_tx_fee: Some(1_000_000),
            ..Default::default()
        },
        TokenConstraintsUpdate {
            amm_buy_tx_fee: Some(1_000_000),
            ..Default::default()
        },
        TokenConstraintsUpdate {
            sale_platform_fee: Some(1_000_000),
            ..Default::default()
        },
        TokenConstraintsUpdate {
            amm_deactivation_threshold: Some(1_000_000),
            ..Default::default()
        },
    ] {
        assert_eq!(
            factory.update_token_constraints(update),
            Err(Error::InvalidConstraints)
        );
    }
    assert_eq!(factory.token_constraints(), TokenConstraints::defaults(BOND));
    // At the caps: accepted.
    factory
        .update_token_constraints(TokenConstraintsUpdate {
            sale_platform_fee: Some(crt_traits::SALE_PLATFORM_FEE_CAP),
            amm_buy_tx_fee: Some(crt_traits::AMM_TX_FEE_CAP),
            amm_sell_tx_fee: Some(crt_traits::AMM_TX_FEE_CAP),
            amm_deactivation_threshold: Some(crt_traits::AMM_DEACTIVATION_THRESHOLD_CAP),
            ..Default::default()
        })
        .unwrap();
    // Split windows: bounds in order and within their caps.
    for update in [
        TokenConstraintsUpdate {
            max_revenue_split_duration: Some(crt_traits::REVENUE_SPLIT_DURATION_CAP + 1),
            ..Default::default()
        },
        TokenConstraintsUpdate {
            max_revenue_split_time_to_start: Some(crt_traits::REVENUE_SPLIT_TIME_TO_START_CAP + 1),
            ..Default::default()
        },
        TokenConstraintsUpdate {
            min_revenue_split_time_to_start: Some(200_000),
            ..Default::default()
        },
    ] {
        assert_eq!(
            factory.update_token_constraints(update),
            Err(Error::InvalidConstraints)
        );
    }
}

#[ink::test]
fn finding_09_a_token_code_cannot_be_its_own_library() {
    let mut factory = deploy();
    set_caller::<E>(acc().alice);
    let code = Hash::from([1; 32]);
    // The token's code as either library, or one code for both libraries.
    let accounts_is_main = TokenLibraries {
        accounts: Hash::from([2; 32]),
        ..libraries(2, 3)
    };
    for libraries in [
        libraries(1, 3),
        libraries(2, 1),
        libraries(2, 2),
        accounts_is_main,
    ] {
        assert_eq!(
            factory.set_token_code_hash(code, libraries),
            Err(Error::TokenCodeIsItsOwnLibrary)
        );
    }
    assert_eq!(factory.token_code_hash(), code_hash());
    assert_eq!(factory.token_libraries(), library_hash());
}

#[ink::test]
fn finding_09_issuance_is_refused_when_the_code_changed_under_the_issuer() {
    let mut factory = deploy();
    set_caller::<E>(acc().alice);
    let (code, library) = (Hash::from([1; 32]), libraries(2, 3));
    factory.set_token_code_hash(code, library).unwrap();
    set_caller::<E>(acc().bob);
    set_value_transferred::<E>(BOND);
    let before = recorded_events().count();
    // The issuer reviewed the old pair: refused before anything is deployed.
    assert_eq!(
        factory.issue_token(params("FAN"), code_hash(), library_hash()),
        Err(Error::TokenCodeChanged)
    );
    assert_eq!(
        factory.issue_token(params("FAN"), code, library_hash()),
        Err(Error::TokenCodeChanged)
    );
    assert_eq!(recorded_events().count(), before);
    assert_eq!(factory.next_token_id(), 0);
}

#[ink::test]
#[should_panic(expected = "the token code and its libraries must be different code")]
fn finding_09_a_factory_cannot_be_deployed_with_a_token_code_as_its_own_library() {
    set_callee::<E>(factory_account());
    set_caller::<E>(acc().alice);
    let _ = Factory::new(
        code_hash(),
        libraries(1, 9),
        Hash::from([6; 32]),
        Hash::from([5; 32]),
        5_259_600,
        BOND,
    );
}

#[ink::test]
fn freezing_and_unfreezing_need_the_live_marker_and_change_nothing_without_it() {
    let mut factory = deploy();
    set_caller::<E>(acc().alice);
    // The marker cannot be removed: the suite stays live, no event.
    live_marker::set_works(false);
    let before = recorded_events().count();
    assert_eq!(factory.set_frozen_status(true), Err(Error::LiveMarkerUnavailable));
    assert!(!factory.is_frozen());
    assert_eq!(recorded_events().count(), before);
    live_marker::set_works(true);
    factory.set_frozen_status(true).unwrap();
    assert!(factory.is_frozen());
    // Freezing again touches no marker (there is none): it only repeats the event.
    live_marker::set_works(false);
    assert_eq!(factory.set_frozen_status(true), Ok(()));
    // The marker cannot be created again: the suite stays frozen.
    let before = recorded_events().count();
    assert_eq!(
        factory.set_frozen_status(false),
        Err(Error::LiveMarkerUnavailable)
    );
    assert!(factory.is_frozen());
    assert_eq!(recorded_events().count(), before);
    live_marker::set_works(true);
    factory.set_frozen_status(false).unwrap();
    assert!(!factory.is_frozen());
}
