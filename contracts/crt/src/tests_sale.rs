//! Unit tests of fixed-price sales (off-chain engine; helpers from `tests`).

use crt_core::merkle::{leaf_of, Blake2x256, MerkleTree, ProofStep, Side, MAX_PROOF_LEN};
use crt_traits::{InitialAllocation, TokenConstraints, TokenContext, TransferPolicy, MAX_METADATA_LEN};
use ink::env::test::{callee, recorded_events, set_block_number, set_caller, set_value_transferred};
use ink::env::DefaultEnvironment as E;
use ink::primitives::{AccountId, Hash};
use psp22::PSP22;

use crate::crt::{Crt, OfferingState, SaleAccessProof, SaleParams, SaleQuote, TransferOutput};
use crate::tests::*;
use crt_logic::errors::Error;
use crt_logic::events::{TokenSaleFinalized, TokensPurchasedOnSale};
use crt_logic::factory_link::stand_in;

/// Sales of at least 10 blocks, 2 % platform fee, bond `BOND`.
fn sale_rules() -> TokenConstraints {
    TokenConstraints {
        min_sale_duration: 10,
        sale_platform_fee: 20_000,
        ..TokenConstraints::defaults(BOND)
    }
}

/// Governance's parameters for these tests, synced into `token`.
fn use_rules(token: &mut Crt) {
    stand_in::set_context(Some(TokenContext {
        frozen: false,
        constraints: sale_rules(),
        blocks_per_year: BPY,
    }));
    token.sync_constraints().expect("syncs");
}

fn offer(quantity: u128) -> SaleParams {
    SaleParams {
        unit_price: 10,
        quantity,
        start: Some(5),
        duration: 10,
        vesting: None,
        cap_per_buyer: None,
        whitelist: None,
        metadata: b"drop #1".to_vec(),
    }
}

/// Alice (issuer) holds 10 000; bob holds 100. Block 1.
fn token() -> Crt {
    let a = acc();
    let mut token = permissionless(vec![(a.alice, 10_000), (a.bob, 100)]);
    use_rules(&mut token);
    token
}

fn at(block: u32, who: AccountId) {
    set_block_number::<E>(block);
    set_caller::<E>(who);
    set_value_transferred::<E>(0);
}

#[ink::test]
fn init_validates_everything_before_escrowing() {
    let a = acc();
    let mut token = token();
    at(1, a.bob);
    assert_rejected(&mut token, Error::NotIssuer, |t| {
        t.init_token_sale(offer(1), None, false)
    });
    at(1, a.alice);
    let with = |f: &dyn Fn(&mut SaleParams)| {
        let mut p = offer(1_000);
        f(&mut p);
        p
    };
    let cases = [
        (with(&|p| p.unit_price = 0), Error::SaleUnitPriceIsZero),
        (with(&|p| p.quantity = 0), Error::SaleQuantityIsZero),
        (with(&|p| p.start = Some(0)), Error::SaleStartingBlockInThePast),
        (with(&|p| p.duration = 0), Error::SaleDurationIsZero),
        (with(&|p| p.duration = 9), Error::SaleDurationTooShort),
        (
            with(&|p| p.start = Some(u32::MAX - 5)),
            Error::BlockNumberOverflow,
        ),
        (with(&|p| p.cap_per_buyer = Some(0)), Error::SaleCapPerBuyerIsZero),
        (
            with(&|p| p.metadata = vec![0; MAX_METADATA_LEN + 1]),
            Error::MetadataTooLong,
        ),
        (
            with(&|p| {
                p.vesting = Some(crt_traits::VestingScheduleParams {
                    cliff_percentage: crt_traits::Permill(1_000_001),
                    ..vesting(0, 0, 1)
                })
            }),
            Error::InvalidVestingParams,
        ),
        (
            with(&|p| p.quantity = 10_001),
            Error::InsufficientTransferrableBalance,
        ),
    ];
    for (params, expected) in cases {
        assert_rejected(&mut token, expected, |t| t.init_token_sale(params, None, false));
    }
}

#[ink::test]
fn an_issuer_without_an_account_has_nothing_to_sell() {
    let a = acc();
    let mut token = permissionless(vec![(a.bob, 100)]);
    use_rules(&mut token);
    at(1, a.alice);
    assert_rejected(&mut token, Error::AccountDoesNotExist, |t| {
        t.init_token_sale(offer(1), None, false)
    });
}

#[ink::test]
fn escrow_is_part_of_the_supply_and_the_contract_balance() {
    let a = acc();
    let mut token = token();
    at(1, a.alice);
    token.init_token_sale(offer(4_000), None, false).unwrap();
    assert_eq!(token.balance_of(a.alice), 6_000);
    assert_eq!(token.balance_of(callee::<E>()), 4_000);
    assert_eq!(token.total_supply(), 10_100);
    assert_eq!(token.offering_state(), OfferingState::UpcomingSale);
    let sale = token.current_sale().unwrap();
    assert_eq!(
        (sale.id, sale.quantity_left, sale.start, sale.source),
        (0, 4_000, 5, a.alice)
    );
    // One sale at a time.
    assert_rejected(&mut token, Error::TokenIssuanceNotInIdleState, |t| {
        t.init_token_sale(offer(1), None, false)
    });
    // The source cannot be dusted while the sale exists (even when empty).
    token
        .multi_transfer(MultiTransferOutput::list(vec![(a.bob, 6_000)]), vec![])
        .unwrap();
    at(1, a.bob);
    assert_rejected(&mut token, Error::CannotDustSaleSource, |t| {
        t.dust_account(a.alice)
    });
}

#[ink::test]
fn an_upcoming_sale_can_be_moved_until_it_starts() {
    let a = acc();
    let mut token = token();
    at(1, a.alice);
    assert_rejected(&mut token, Error::NoUpcomingSale, |t| {
        t.update_upcoming_sale(Some(3), None)
    });
    token.init_token_sale(offer(100), None, false).unwrap();
    at(1, a.bob);
    assert_rejected(&mut token, Error::NotIssuer, |t| {
        t.update_upcoming_sale(Some(3), None)
    });
    at(2, a.alice);
    assert_rejected(&mut token, Error::SaleStartingBlockInThePast, |t| {
        t.update_upcoming_sale(Some(1), None)
    });
    assert_rejected(&mut token, Error::SaleDurationIsZero, |t| {
        t.update_upcoming_sale(None, Some(0))
    });
    assert_rejected(&mut token, Error::SaleDurationTooShort, |t| {
        t.update_upcoming_sale(None, Some(9))
    });
    assert_rejected(&mut token, Error::BlockNumberOverflow, |t| {
        t.update_upcoming_sale(Some(u32::MAX - 5), None)
    });
    token.update_upcoming_sale(Some(20), Some(30)).unwrap();
    let sale = token.current_sale().unwrap();
    assert_eq!((sale.start, sale.duration), (20, 30));
    at(20, a.alice);
    assert_eq!(token.offering_state(), OfferingState::Sale);
    assert_rejected(&mut token, Error::NoUpcomingSale, |t| {
        t.update_upcoming_sale(Some(25), None)
    });
}

#[ink::test]
fn purchases_pay_fee_destination_and_bonds_and_respect_caps() {
    let a = acc();
    let mut token = token();
    at(1, a.alice);
    let capped = SaleParams {
        cap_per_buyer: Some(300),
        ..offer(1_000)
    };
    token.init_token_sale(capped, Some(a.eve), false).unwrap();
    pay(a.charlie, 0);
    assert_rejected(&mut token, Error::NoActiveSale, |t| {
        t.purchase_tokens_on_sale(1, None)
    });
    at(5, a.charlie);
    assert_rejected(&mut token, Error::SalePurchaseAmountIsZero, |t| {
        t.purchase_tokens_on_sale(0, None)
    });
    assert_rejected(&mut token, Error::NotEnoughTokensOnSale, |t| {
        t.purchase_tokens_on_sale(1_001, None)
    });
    assert_rejected(&mut token, Error::SalePurchaseCapExceeded, |t| {
        t.purchase_tokens_on_sale(301, None)
    });
    assert_eq!(
        token.sale_quote(200),
        Ok(SaleQuote {
            cost: 2_000,
            platform_fee: 40,
            to_destination: 1_960
        })
    );
    pay(a.charlie, 2_000 + BOND - 1);
    assert_rejected(&mut token, Error::InsufficientPayment, |t| {
        t.purchase_tokens_on_sale(200, None)
    });
    let (factory_before, eve_before) = (joy(a.django), joy(a.eve));
    pay(a.charlie, 2_000 + BOND + 50);
    let charlie_before = joy(a.charlie);
    token.purchase_tokens_on_sale(200, None).unwrap();
    assert_eq!(joy(a.charlie), charlie_before + 50);
    assert_eq!(
        (joy(a.django) - factory_before, joy(a.eve) - eve_before),
        (40, 1_960)
    );
    assert_eq!(token.balance_of(a.charlie), 200);
    assert_eq!(token.account_info(a.charlie).unwrap().bloat_bond, BOND);
    let bought = decode::<TokensPurchasedOnSale>(events().last().unwrap()).unwrap();
    assert_eq!(
        (bought.buyer, bought.amount, bought.cost, bought.platform_fee),
        (a.charlie, 200, 2_000, 40)
    );
    // The cap counts every purchase in the sale.
    pay(a.charlie, 10_000);
    assert_rejected(&mut token, Error::SalePurchaseCapExceeded, |t| {
        t.purchase_tokens_on_sale(101, None)
    });
    token.purchase_tokens_on_sale(100, None).unwrap();
    assert_eq!(token.purchased_on_sale(a.charlie), 300);
    assert_eq!(token.current_sale().unwrap().funds_collected, 3_000);
}

#[ink::test]
fn purchases_in_one_sale_merge_into_one_vesting_schedule() {
    let a = acc();
    let mut token = token();
    at(1, a.alice);
    // Vesting from the sale's end (block 15): cliff 50 % at 25, the rest linearly to 35.
    let vested = SaleParams {
        vesting: Some(vesting(10, 50, 10)),
        ..offer(1_000)
    };
    token.init_token_sale(vested, None, false).unwrap();
    at(5, a.bob);
    pay(a.bob, 10_000);
    token.purchase_tokens_on_sale(100, None).unwrap();
    token.purchase_tokens_on_sale(100, None).unwrap();
    let bob = token.account_info(a.bob).unwrap();
    assert_eq!(
        (bob.amount, bob.vesting_schedules.len(), bob.transferrable),
        (300, 1, 100)
    );
    assert_eq!(token.transferrable_at(a.bob, 25), 200);
    assert_eq!(token.transferrable_at(a.bob, 30), 250);
    assert_eq!(token.transferrable_at(a.bob, 35), 300);
}

#[ink::test]
fn a_buyer_with_no_room_for_a_schedule_is_refused() {
    let a = acc();
    let mut token = token();
    at(1, a.alice);
    for _ in 0..crt_core::vesting::MAX_ISSUER_VESTING_SCHEDULES {
        let out = TransferOutput {
            to: a.bob,
            amount: 1,
            vesting: Some(vesting(100, 0, 100)),
        };
        token.issuer_transfer(vec![out], vec![]).unwrap();
    }
    // Bob's own vested purchases in three sales fill the other three slots; a fourth is
    // refused.
    let mut block = 1;
    for round in 0..4 {
        let vested = SaleParams {
            start: Some(block + 1),
            vesting: Some(vesting(0, 0, 1_000)),
            ..offer(1_000)
        };
        at(block, a.alice);
        token.init_token_sale(vested, None, false).unwrap();
        at(block + 1, a.bob);
        pay(a.bob, 10);
        if round == 3 {
            assert_rejected(&mut token, Error::MaxVestingSchedulesReached, |t| {
                t.purchase_tokens_on_sale(1, None)
            });
            break;
        }
        token.purchase_tokens_on_sale(1, None).unwrap();
        at(block + 11, a.alice);
        token.finalize_token_sale().unwrap();
        block += 12;
    }
    let bob = token.account_info(a.bob).unwrap();
    assert_eq!(bob.vesting_schedules.len(), crt_traits::MAX_VESTING_SCHEDULES);
}

#[ink::test]
fn whitelisted_sales_check_proofs_and_personal_caps() {
    let a = acc();
    let mut token = token();
    let members: [(AccountId, Option<u128>); 3] = [(a.bob, Some(50)), (a.charlie, None), (a.eve, Some(500))];
    let leaves = members.iter().map(leaf_of::<Blake2x256, _>).collect();
    let tree = MerkleTree::new::<Blake2x256>(leaves).unwrap();
    let access = |i: usize| {
        Some(SaleAccessProof {
            cap: members[i].1,
            proof: tree.proof(i).unwrap(),
        })
    };
    at(1, a.alice);
    let listed = SaleParams {
        whitelist: Some(Hash::from(tree.root())),
        cap_per_buyer: Some(100),
        ..offer(1_000)
    };
    token.init_token_sale(listed, None, false).unwrap();
    at(5, a.bob);
    pay(a.bob, 100_000);
    assert_rejected(&mut token, Error::SaleAccessProofRequired, |t| {
        t.purchase_tokens_on_sale(1, None)
    });
    let lying = Some(SaleAccessProof {
        cap: Some(1_000),
        proof: tree.proof(0).unwrap(),
    });
    assert_rejected(&mut token, Error::MerkleProofVerificationFailure, |t| {
        t.purchase_tokens_on_sale(1, lying)
    });
    let long = Some(SaleAccessProof {
        cap: None,
        proof: vec![
            ProofStep {
                hash: [0; 32],
                side: Side::Left
            };
            MAX_PROOF_LEN + 1
        ],
    });
    assert_rejected(&mut token, Error::MerkleProofTooLong, |t| {
        t.purchase_tokens_on_sale(1, long)
    });
    assert_rejected(&mut token, Error::SalePurchaseCapExceeded, |t| {
        t.purchase_tokens_on_sale(51, access(0))
    });
    token.purchase_tokens_on_sale(50, access(0)).unwrap();
    // No personal cap: the sale's cap (100) applies; a personal cap may exceed it.
    at(5, a.charlie);
    pay(a.charlie, 100_000);
    assert_rejected(&mut token, Error::SalePurchaseCapExceeded, |t| {
        t.purchase_tokens_on_sale(101, access(1))
    });
    token.purchase_tokens_on_sale(100, access(1)).unwrap();
    at(5, a.eve);
    pay(a.eve, 100_000);
    token.purchase_tokens_on_sale(500, access(2)).unwrap();
    assert_eq!(token.balance_of(a.eve), 500);
}

#[ink::test]
fn finalize_returns_unsold_tokens_and_reports_the_funds() {
    let a = acc();
    let mut token = token();
    at(1, a.alice);
    assert_rejected(&mut token, Error::NoSaleToFinalize, |t| t.finalize_token_sale());
    token.init_token_sale(offer(1_000), None, false).unwrap();
    at(5, a.bob);
    pay(a.bob, 1_000);
    token.purchase_tokens_on_sale(100, None).unwrap();
    at(14, a.alice);
    assert_rejected(&mut token, Error::SaleNotEnded, |t| t.finalize_token_sale());
    at(15, a.bob);
    assert_rejected(&mut token, Error::NotIssuer, |t| t.finalize_token_sale());
    at(15, a.alice);
    assert_eq!(token.offering_state(), OfferingState::SaleEnded);
    assert_rejected(&mut token, Error::PreviousSaleNotFinalized, |t| {
        t.init_token_sale(
            SaleParams {
                start: None,
                ..offer(1)
            },
            None,
            false,
        )
    });
    token.finalize_token_sale().unwrap();
    let done = decode::<TokenSaleFinalized>(events().last().unwrap()).unwrap();
    assert_eq!(
        (done.sale_id, done.quantity_left, done.funds_collected),
        (0, 900, 1_000)
    );
    assert_eq!(token.balance_of(a.alice), 9_900);
    assert_eq!(token.balance_of(callee::<E>()), 0);
    assert_eq!(token.offering_state(), OfferingState::Idle);
    // A new sale gets the next id.
    token
        .init_token_sale(
            SaleParams {
                start: None,
                ..offer(10)
            },
            None,
            false,
        )
        .unwrap();
    assert_eq!(token.current_sale().unwrap().id, 1);
}

#[ink::test]
fn an_auto_finalized_sell_out_reports_its_total() {
    let a = acc();
    let mut token = token();
    at(1, a.alice);
    token.init_token_sale(offer(300), None, true).unwrap();
    at(5, a.bob);
    pay(a.bob, 10_000);
    token.purchase_tokens_on_sale(100, None).unwrap();
    let start = recorded_events().count();
    token.purchase_tokens_on_sale(200, None).unwrap();
    let evs: Vec<_> = recorded_events().skip(start).collect();
    let done = decode::<TokenSaleFinalized>(evs.last().unwrap()).unwrap();
    assert_eq!((done.quantity_left, done.funds_collected), (0, 3_000));
    assert_eq!(token.current_sale(), None);
    assert_eq!(token.offering_state(), OfferingState::Idle);
}

#[ink::test]
fn permissioned_tokens_sell_only_to_accounts() {
    let a = acc();
    let mut token = deploy(
        vec![
            alloc(a.alice, 1_000),
            InitialAllocation {
                account: a.bob,
                amount: 1,
                vesting: None,
            },
        ],
        TransferPolicy::Permissioned(Hash::from([1; 32])),
    );
    use_rules(&mut token);
    at(1, a.alice);
    token.init_token_sale(offer(100), None, false).unwrap();
    at(5, a.charlie);
    pay(a.charlie, 10_000);
    assert_rejected(&mut token, Error::DestinationAccountDoesNotExist, |t| {
        t.purchase_tokens_on_sale(1, None)
    });
    at(5, a.bob);
    pay(a.bob, 10_000);
    token.purchase_tokens_on_sale(1, None).unwrap();
    assert_eq!(token.balance_of(a.bob), 2);
}
