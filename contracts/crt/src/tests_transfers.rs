//! Unit tests of transfers, vesting, burn, dust, whitelist, freeze, the issuer role and
//! deissue (off-chain engine; helpers from `tests`).

use crt_core::merkle::{leaf_of, Blake2x256, MerkleTree, ProofStep, Side, MAX_PROOF_LEN};
use crt_traits::{
    InitialAllocation, Permill, TokenConstraints, TokenContext, TransferPolicy, VestingScheduleParams,
    MAX_METADATA_LEN, MAX_OUTPUTS,
};
use ink::env::test::{
    callee, recorded_events, set_block_number, set_caller, set_value_transferred, EmittedEvent,
};
use ink::env::DefaultEnvironment as E;
use ink::primitives::{AccountId, Hash};
use psp22::{PSP22Burnable, PSP22Error, PSP22};

use crate::crt::TransferOutput;
use crate::tests::*;
use crt_logic::errors::Error;
use crt_logic::events::ConstraintsSynced;
use crt_logic::factory_link::stand_in;

#[ink::test]
fn multi_transfer_pays_bonds_refunds_excess_and_emits() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 1_000), (a.bob, 10)]);
    let alice_joy = joy(a.alice);
    let start = recorded_events().count();
    pay(a.alice, 2 * BOND + 33);
    let outputs = vec![(a.bob, 100), (a.charlie, 200), (a.eve, 0), (a.frank, 300)];
    token
        .multi_transfer(MultiTransferOutput::list(outputs), b"memo".to_vec())
        .unwrap();
    // Two new accounts (charlie, frank); eve's zero output creates none; 33 refunded.
    assert_eq!(joy(a.alice), alice_joy - 2 * BOND);
    assert_eq!(joy(callee::<E>()), ED + 4 * BOND);
    assert_eq!((token.balance_of(a.alice), token.balance_of(a.bob)), (400, 110));
    assert_eq!(
        (token.balance_of(a.charlie), token.balance_of(a.frank)),
        (200, 300)
    );
    assert!(!token.is_account(a.eve));
    assert_eq!(token.token_info().accounts_number, 4);
    assert_eq!(token.token_info().bloat_bonds_held, 4 * BOND);
    let evs: Vec<_> = events().into_iter().skip(start).collect();
    // 3 transfers + 2 bond charges + the summary.
    assert_eq!(evs.len(), 6);
    let summary = decode::<crt_logic::events::TokensTransferred>(evs.last().unwrap()).unwrap();
    assert_eq!(
        (summary.total, summary.outputs, summary.by_issuer),
        (600, 3, false)
    );
    assert_eq!(summary.metadata, b"memo".to_vec());
}

#[ink::test]
fn multi_transfer_rejects_bad_input_without_changes() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 1_000), (a.bob, 10)]);
    set_caller::<E>(a.alice);
    assert_rejected(&mut token, Error::NoOutputs, |t| {
        t.multi_transfer(MultiTransferOutput::list(vec![]), vec![])
    });
    let many: Vec<_> = (0..=MAX_OUTPUTS as u8)
        .map(|i| (AccountId::from([i + 100; 32]), 1))
        .collect();
    assert_rejected(&mut token, Error::TooManyOutputs, |t| {
        t.multi_transfer(MultiTransferOutput::list(many), vec![])
    });
    assert_rejected(&mut token, Error::DuplicateOutput, |t| {
        t.multi_transfer(MultiTransferOutput::list(vec![(a.bob, 1), (a.bob, 2)]), vec![])
    });
    let vested_to_self = crate::crt::TransferOutput {
        to: a.alice,
        amount: 1,
        vesting: Some(vesting(1, 0, 1)),
    };
    assert_rejected(&mut token, Error::TransferToSelf, |t| {
        t.issuer_transfer(vec![vested_to_self], vec![])
    });
    let long = vec![0u8; MAX_METADATA_LEN + 1];
    assert_rejected(&mut token, Error::MetadataTooLong, |t| {
        t.multi_transfer(MultiTransferOutput::list(vec![(a.bob, 1)]), long)
    });
    assert_rejected(&mut token, Error::ArithmeticOverflow, |t| {
        t.multi_transfer(
            MultiTransferOutput::list(vec![(a.bob, u128::MAX), (a.charlie, 1)]),
            vec![],
        )
    });
    assert_rejected(&mut token, Error::InsufficientTransferrableBalance, |t| {
        t.multi_transfer(MultiTransferOutput::list(vec![(a.bob, 1_001)]), vec![])
    });
    // A new account needs its bond.
    pay(a.alice, BOND - 1);
    assert_rejected(&mut token, Error::InsufficientBloatBond, |t| {
        t.multi_transfer(MultiTransferOutput::list(vec![(a.charlie, 1)]), vec![])
    });
    set_value_transferred::<E>(0);
    set_caller::<E>(a.charlie);
    assert_rejected(&mut token, Error::AccountDoesNotExist, |t| {
        t.multi_transfer(MultiTransferOutput::list(vec![(a.bob, 1)]), vec![])
    });
}

#[ink::test]
fn permissioned_destinations_must_exist_except_for_the_issuer() {
    let a = acc();
    let mut token = deploy(
        vec![alloc(a.alice, 1_000), alloc(a.bob, 5)],
        TransferPolicy::Permissioned(Hash::from([1; 32])),
    );
    set_caller::<E>(a.alice);
    assert_rejected(&mut token, Error::DestinationAccountDoesNotExist, |t| {
        t.multi_transfer(
            MultiTransferOutput::list(vec![(a.bob, 1), (a.charlie, 1)]),
            vec![],
        )
    });
    set_caller::<E>(a.bob);
    assert_eq!(
        token.transfer(a.charlie, 1, vec![]),
        Err(PSP22Error::Custom("DestinationAccountDoesNotExist".into()))
    );
    assert_eq!(token.transfer(a.alice, 1, vec![]), Ok(()));
    pay(a.alice, BOND);
    let out = TransferOutput {
        to: a.charlie,
        amount: 10,
        vesting: None,
    };
    token.issuer_transfer(vec![out], vec![]).unwrap();
    assert_eq!(token.balance_of(a.charlie), 10);
}

#[ink::test]
fn issuer_transfer_attaches_vesting_and_respects_the_schedule_bound() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 100_000), (a.bob, 1)]);
    let vested = |amount| TransferOutput {
        to: a.bob,
        amount,
        vesting: Some(vesting(10, 50, 100)),
    };
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::NotIssuer, |t| {
        t.issuer_transfer(vec![vested(1)], vec![])
    });
    set_caller::<E>(a.alice);
    for _ in 0..crt_core::vesting::MAX_ISSUER_VESTING_SCHEDULES {
        token.issuer_transfer(vec![vested(1_000)], vec![]).unwrap();
    }
    let bob = token.account_info(a.bob).unwrap();
    assert_eq!(
        (bob.amount, bob.vesting_locked, bob.transferrable),
        (2_001, 2_000, 1)
    );
    assert_eq!(bob.vesting_schedules.len(), 2);
    // The other slots are the account's own (vested purchases): the issuer cannot take them.
    assert_rejected(&mut token, Error::MaxIssuerVestingSchedulesReached, |t| {
        t.issuer_transfer(vec![vested(1)], vec![])
    });
    let bad = TransferOutput {
        to: a.bob,
        amount: 1,
        vesting: Some(VestingScheduleParams {
            cliff_percentage: Permill(1_000_001),
            ..vesting(0, 0, 1)
        }),
    };
    assert_rejected(&mut token, Error::InvalidVestingParams, |t| {
        t.issuer_transfer(vec![bad], vec![])
    });
    let late = TransferOutput {
        to: a.bob,
        amount: 1,
        vesting: Some(vesting(u32::MAX, 0, 0)),
    };
    assert_rejected(&mut token, Error::BlockNumberOverflow, |t| {
        t.issuer_transfer(vec![late], vec![])
    });
    // Finished schedules leave room: a new one is added beside them.
    set_block_number::<E>(111);
    token.issuer_transfer(vec![vested(10)], vec![]).unwrap();
    let bob = token.account_info(a.bob).unwrap();
    assert_eq!(
        (bob.vesting_schedules.len(), bob.vesting_locked, bob.amount),
        (3, 10, 2_011)
    );
}

#[ink::test]
fn psp22_transfer_to_new_account_draws_bond_deposit() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 1_000), (a.bob, 1)]);
    set_caller::<E>(a.alice);
    pay(a.alice, 0);
    assert_rejected(&mut token, Error::ZeroAmount, |t| t.deposit_for_bonds());
    pay(a.alice, 2 * BOND);
    token.deposit_for_bonds().unwrap();
    set_value_transferred::<E>(0);
    assert_eq!(token.bond_deposit_of(a.alice), 2 * BOND);
    assert_eq!(token.joy_liabilities(), 4 * BOND);
    assert_eq!(token.transfer(a.charlie, 5, vec![]), Ok(()));
    assert_eq!(token.bond_deposit_of(a.alice), BOND);
    assert_eq!(token.account_info(a.charlie).unwrap().bloat_bond, BOND);
    // Existing accounts cost nothing.
    assert_eq!(token.transfer(a.charlie, 5, vec![]), Ok(()));
    assert_eq!(token.bond_deposit_of(a.alice), BOND);
    // Withdraw what is left.
    assert_rejected(&mut token, Error::InsufficientBondDeposit, |t| {
        t.withdraw_bond_deposit(BOND + 1)
    });
    assert_rejected(&mut token, Error::ZeroAmount, |t| t.withdraw_bond_deposit(0));
    let before = joy(a.alice);
    token.withdraw_bond_deposit(BOND).unwrap();
    assert_eq!(joy(a.alice), before + BOND);
    assert_eq!(token.joy_liabilities(), 3 * BOND);
}

#[ink::test]
fn transfer_from_spends_allowance_and_caller_pays_the_bond() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 1_000), (a.bob, 1)]);
    set_caller::<E>(a.alice);
    token.approve(a.bob, 50).unwrap();
    set_caller::<E>(a.bob);
    assert_eq!(
        token.transfer_from(a.alice, a.charlie, 51, vec![]),
        Err(PSP22Error::InsufficientAllowance)
    );
    pay(a.bob, BOND);
    token.deposit_for_bonds().unwrap();
    assert_eq!(token.transfer_from(a.alice, a.charlie, 50, vec![]), Ok(()));
    assert_eq!(
        (token.allowance(a.alice, a.bob), token.bond_deposit_of(a.bob)),
        (0, 0)
    );
    set_caller::<E>(a.alice);
    token.increase_allowance(a.bob, 10).unwrap();
    assert_eq!(
        token.decrease_allowance(a.bob, 11),
        Err(PSP22Error::InsufficientAllowance)
    );
    token.decrease_allowance(a.bob, 4).unwrap();
    assert_eq!(token.allowance(a.alice, a.bob), 6);
    assert_rejected(&mut token, Error::InsufficientAllowance, |t| {
        t.data_mut().decrease_allowance(a.alice, a.bob, 7).map(|_| ())
    });
}

#[ink::test]
fn vesting_locks_transfers_until_unlocked() {
    let a = acc();
    let vested = InitialAllocation {
        account: a.bob,
        amount: 1_000,
        vesting: Some(vesting(10, 20, 100)),
    };
    let mut token = deploy(vec![alloc(a.alice, 1), vested], TransferPolicy::Permissionless);
    set_caller::<E>(a.bob);
    assert_eq!(
        token.transfer(a.alice, 1, vec![]),
        Err(PSP22Error::InsufficientBalance)
    );
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::InsufficientTransferrableBalance, |t| {
        t.multi_transfer(MultiTransferOutput::list(vec![(a.alice, 1)]), vec![])
    });
    set_block_number::<E>(11);
    assert_eq!(
        token.transfer(a.alice, 201, vec![]),
        Err(PSP22Error::InsufficientBalance)
    );
    assert_eq!(token.transfer(a.alice, 200, vec![]), Ok(()));
    set_block_number::<E>(111);
    assert_eq!(token.transfer(a.alice, 800, vec![]), Ok(()));
    assert_eq!(token.balance_of(a.alice), 1_001);
}

#[ink::test]
fn burn_takes_locked_tokens_first_and_lowers_supply() {
    let a = acc();
    let vested = InitialAllocation {
        account: a.bob,
        amount: 1_000,
        vesting: Some(vesting(10, 0, 100)),
    };
    let mut token = deploy(vec![alloc(a.alice, 1), vested], TransferPolicy::Permissionless);
    set_caller::<E>(a.bob);
    assert_eq!(token.burn(1_001), Err(PSP22Error::InsufficientBalance));
    assert_rejected(&mut token, Error::BurnAmountExceedsBalance, |t| {
        t.data_mut().burn(a.bob, 1, 1_001).map(|_| ())
    });
    assert_eq!(token.burn(0), Ok(()));
    assert_eq!(token.burn(300), Ok(()));
    let bob = token.account_info(a.bob).unwrap();
    assert_eq!((bob.amount, bob.vesting_locked, bob.transferrable), (700, 700, 0));
    assert_eq!(token.total_supply(), 701);
    assert_eq!(token.token_info().tokens_issued, 1_001);
    let burned = decode::<psp22::Transfer>(events().last().unwrap()).unwrap();
    assert_eq!((burned.from, burned.to, burned.value), (Some(a.bob), None, 300));
    set_caller::<E>(a.charlie);
    assert_eq!(token.burn(1), Err(PSP22Error::InsufficientBalance));
}

#[ink::test]
fn dust_pays_the_bond_to_the_duster() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 10), (a.bob, 5)]);
    set_caller::<E>(a.charlie);
    assert_rejected(&mut token, Error::NonEmptyAccount, |t| t.dust_account(a.bob));
    assert_rejected(&mut token, Error::AccountDoesNotExist, |t| {
        t.dust_account(a.django)
    });
    set_caller::<E>(a.bob);
    token.burn(5).unwrap();
    set_caller::<E>(a.charlie);
    let before = joy(a.charlie);
    token.dust_account(a.bob).unwrap();
    assert_eq!(joy(a.charlie), before + BOND);
    assert!(!token.is_account(a.bob));
    let info = token.token_info();
    assert_eq!((info.accounts_number, info.bloat_bonds_held), (1, BOND));
    let dusted = decode::<crt_logic::events::AccountDusted>(events().last().unwrap()).unwrap();
    assert_eq!(
        (dusted.account, dusted.duster, dusted.bloat_bond),
        (a.bob, a.charlie, BOND)
    );
}

#[ink::test]
fn dust_fails_cleanly_when_the_token_cannot_pay() {
    let a = acc();
    let mut token = deploy_unfunded(
        vec![alloc(a.alice, 10), alloc(a.bob, 5)],
        TransferPolicy::Permissionless,
    );
    set_caller::<E>(a.bob);
    token.burn(5).unwrap();
    set_caller::<E>(a.charlie);
    assert_eq!(token.dust_account(a.bob), Err(Error::JoyTransferFailed));
}

fn whitelist(members: &[AccountId]) -> (Hash, Vec<Vec<ProofStep>>) {
    let leaves = members.iter().map(leaf_of::<Blake2x256, _>).collect();
    let tree = MerkleTree::new::<Blake2x256>(leaves).unwrap();
    (
        Hash::from(tree.root()),
        (0..members.len()).map(|i| tree.proof(i).unwrap()).collect(),
    )
}

#[ink::test]
fn whitelist_join_and_permissioned_dust_rules() {
    let a = acc();
    let (root, proofs) = whitelist(&[a.bob, a.charlie, a.eve]);
    let mut token = deploy(vec![alloc(a.alice, 10)], TransferPolicy::Permissioned(root));
    pay(a.bob, BOND + 9);
    let before = joy(a.bob);
    token.join_whitelist(proofs[0].clone()).unwrap();
    assert_eq!(joy(a.bob), before + 9);
    assert!(token.is_account(a.bob));
    pay(a.bob, BOND);
    assert_rejected(&mut token, Error::AccountAlreadyExists, |t| {
        t.join_whitelist(proofs[0].clone())
    });
    pay(a.frank, BOND);
    assert_rejected(&mut token, Error::MerkleProofVerificationFailure, |t| {
        t.join_whitelist(proofs[1].clone())
    });
    let long = vec![
        ProofStep {
            hash: [0; 32],
            side: Side::Left
        };
        MAX_PROOF_LEN + 1
    ];
    assert_rejected(&mut token, Error::MerkleProofTooLong, |t| t.join_whitelist(long));
    pay(a.charlie, BOND - 1);
    assert_rejected(&mut token, Error::InsufficientBloatBond, |t| {
        t.join_whitelist(proofs[1].clone())
    });
    // Only the account itself may dust it on a permissioned token.
    set_value_transferred::<E>(0);
    set_caller::<E>(a.alice);
    assert_rejected(&mut token, Error::NotAccountOwnerInPermissionedMode, |t| {
        t.dust_account(a.bob)
    });
    set_caller::<E>(a.bob);
    token.dust_account(a.bob).unwrap();
    // Permissionless: no whitelist to join.
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::NotIssuer, |t| t.change_to_permissionless());
    set_caller::<E>(a.alice);
    token.change_to_permissionless().unwrap();
    assert_rejected(&mut token, Error::AlreadyPermissionless, |t| {
        t.change_to_permissionless()
    });
    pay(a.eve, BOND);
    assert_rejected(&mut token, Error::NotPermissioned, |t| {
        t.join_whitelist(proofs[2].clone())
    });
}

#[ink::test]
fn a_frozen_suite_blocks_changes_but_not_queries_and_an_unreachable_factory_only_syncs() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 10), (a.bob, 5)]);
    set_caller::<E>(a.alice);
    token.activate_amm(1_000_000, 0).expect("AMM");
    set_context(BOND, true);
    assert_rejected(&mut token, Error::Frozen, |t| {
        t.multi_transfer(MultiTransferOutput::list(vec![(a.bob, 1)]), vec![])
    });
    assert_eq!(
        token.transfer(a.bob, 1, vec![]),
        Err(PSP22Error::Custom("Frozen".into()))
    );
    assert_eq!(token.approve(a.bob, 1), Err(PSP22Error::Custom("Frozen".into())));
    assert_eq!(token.burn(1), Err(PSP22Error::Custom("Frozen".into())));
    // Queries answer while frozen, also those that need governance's parameters (the
    // random sequence on pallet-contracts found quotes refusing with `Frozen`).
    assert_rejected(&mut token, Error::Frozen, |t| t.sync_constraints());
    assert!(token.is_frozen());
    assert_eq!(token.current_bloat_bond(), BOND);
    assert!(token.quote_buy(1).is_ok() && token.quote_sell(0).is_ok());
    assert_eq!(token.max_buy_for_budget(0), Ok(0));
    assert_eq!(token.sale_quote(1).map(|_| ()), Err(Error::NoActiveSale));
    assert_eq!(token.balance_of(a.alice), 10);
    // The factory out of reach: only a sync needs it; the rest goes on with the token's copy.
    stand_in::set_context(None);
    assert!(!token.is_frozen());
    assert_rejected(&mut token, Error::FactoryUnavailable, |t| t.sync_constraints());
    assert_eq!(token.transfer(a.bob, 1, vec![]), Ok(()));
    assert_eq!(token.balance_of(a.bob), 6);
    assert_eq!(token.current_bloat_bond(), BOND);
}

#[ink::test]
fn governance_parameters_apply_from_the_next_sync_which_anyone_may_run() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 10)]);
    let raised = TokenConstraints {
        bloat_bond: 3 * BOND,
        ..TokenConstraints::defaults(BOND)
    };
    stand_in::set_context(Some(TokenContext {
        frozen: false,
        constraints: raised,
        blocks_per_year: BPY,
    }));
    // Until someone syncs, the token applies the parameters it has: a new account costs BOND.
    assert_eq!(token.current_bloat_bond(), BOND);
    set_caller::<E>(a.alice);
    set_value_transferred::<E>(BOND);
    assert_eq!(
        token.multi_transfer(MultiTransferOutput::list(vec![(a.bob, 1)]), vec![]),
        Ok(())
    );
    assert_eq!(token.account_info(a.bob).map(|i| i.bloat_bond), Some(BOND));
    // Eve, holding nothing, syncs: the raised bond applies to the next new account.
    set_caller::<E>(a.eve);
    set_value_transferred::<E>(0);
    let events_before = recorded_events().count();
    assert_eq!(token.sync_constraints(), Ok(()));
    assert_eq!(token.token_constraints(), raised);
    assert_eq!(token.current_bloat_bond(), 3 * BOND);
    let synced: Vec<EmittedEvent> = recorded_events().skip(events_before).collect();
    assert_eq!(synced.len(), 1);
    let synced_event = decode::<ConstraintsSynced>(&synced[0]).expect("ConstraintsSynced");
    assert_eq!(synced_event.constraints, raised);
    set_caller::<E>(a.alice);
    set_value_transferred::<E>(BOND);
    assert_rejected(&mut token, Error::InsufficientBloatBond, |t| {
        t.multi_transfer(MultiTransferOutput::list(vec![(a.charlie, 1)]), vec![])
    });
    set_value_transferred::<E>(3 * BOND);
    assert_eq!(
        token.multi_transfer(MultiTransferOutput::list(vec![(a.charlie, 1)]), vec![]),
        Ok(())
    );
    assert_eq!(
        token.account_info(a.charlie).map(|i| i.bloat_bond),
        Some(3 * BOND)
    );
}

#[ink::test]
fn issuer_hand_over_is_two_step() {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 10)]);
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::NotIssuer, |t| t.propose_issuer(Some(a.bob)));
    set_caller::<E>(a.alice);
    token.propose_issuer(Some(a.bob)).unwrap();
    assert_eq!(token.token_info().pending_issuer, Some(a.bob));
    set_caller::<E>(a.charlie);
    assert_rejected(&mut token, Error::NotPendingIssuer, |t| t.accept_issuer());
    set_caller::<E>(a.bob);
    stand_in::set_accept_issuer_change(false);
    assert_rejected(&mut token, Error::FactoryRejected, |t| t.accept_issuer());
    stand_in::set_accept_issuer_change(true);
    token.accept_issuer().unwrap();
    let info = token.token_info();
    assert_eq!((info.issuer, info.pending_issuer), (a.bob, None));
    let changed = decode::<crt_logic::events::IssuerChanged>(events().last().unwrap()).unwrap();
    assert_eq!((changed.previous, changed.new), (a.alice, a.bob));
}

#[ink::test]
fn deissue_only_by_the_factory_for_the_issuer_with_no_accounts() {
    let a = acc();
    let mut token = permissionless(vec![(a.bob, 5)]);
    set_caller::<E>(a.alice);
    assert_rejected(&mut token, Error::NotFactory, |t| t.deissue(a.alice));
    set_caller::<E>(a.django);
    assert_rejected(&mut token, Error::NotIssuer, |t| t.deissue(a.bob));
    assert_rejected(&mut token, Error::CannotDeissueWithOutstandingAccounts, |t| {
        t.deissue(a.alice)
    });
    set_caller::<E>(a.bob);
    token.burn(5).unwrap();
    pay(a.bob, BOND);
    token.deposit_for_bonds().unwrap();
    set_value_transferred::<E>(0);
    token.dust_account(a.bob).unwrap();
    set_caller::<E>(a.django);
    token.deissue(a.alice).unwrap();
    assert!(token.token_info().deissued);
    set_caller::<E>(a.bob);
    assert_rejected(&mut token, Error::TokenDeissued, |t| {
        t.multi_transfer(MultiTransferOutput::list(vec![(a.alice, 1)]), vec![])
    });
    // Deposits stay withdrawable.
    let before = joy(a.bob);
    token.withdraw_bond_deposit(BOND).unwrap();
    assert_eq!(joy(a.bob), before + BOND);
}

#[test]
fn every_error_maps_to_a_psp22_error() {
    assert_eq!(
        PSP22Error::from(Error::InsufficientTransferrableBalance),
        PSP22Error::InsufficientBalance
    );
    assert_eq!(
        PSP22Error::from(Error::BurnAmountExceedsBalance),
        PSP22Error::InsufficientBalance
    );
    assert_eq!(
        PSP22Error::from(Error::InsufficientAllowance),
        PSP22Error::InsufficientAllowance
    );
    assert_eq!(
        PSP22Error::from(Error::Frozen),
        PSP22Error::Custom("Frozen".into())
    );
    assert_eq!(
        PSP22Error::from(Error::InvalidIssuanceParams),
        PSP22Error::Custom("InvalidIssuanceParams".into())
    );
}
