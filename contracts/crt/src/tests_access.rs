//! The access-control matrix of the token: every issuer-only and factory-only message, called
//! by a holder, a stranger, the factory's governance account and another token's issuer, is
//! refused with its specific error and changes nothing. (`finalize_revenue_split` is open to
//! anyone after the end: `tests_hardening.rs`.)

use crt_traits::TransferPolicy;
use ink::env::test::set_caller;
use ink::env::DefaultEnvironment as E;
use ink::primitives::AccountId;

use crate::crt::{Crt, TransferOutput};
use crate::tests::*;
use crt_logic::errors::Error;

type Call = fn(&mut Crt) -> Result<(), Error>;

/// Every privileged token message, with the error an unprivileged caller gets.
fn privileged() -> Vec<(&'static str, Call, Error)> {
    vec![
        (
            "issuer_transfer",
            |t| {
                t.issuer_transfer(
                    vec![TransferOutput {
                        to: AccountId::from([9; 32]),
                        amount: 1,
                        vesting: None,
                    }],
                    vec![],
                )
            },
            Error::NotIssuer,
        ),
        (
            "change_to_permissionless",
            |t| t.change_to_permissionless(),
            Error::NotIssuer,
        ),
        ("propose_issuer", |t| t.propose_issuer(None), Error::NotIssuer),
        ("accept_issuer", |t| t.accept_issuer(), Error::NotPendingIssuer),
        (
            "claim_patronage_credit",
            |t| t.claim_patronage_credit(),
            Error::NotIssuer,
        ),
        (
            "reduce_patronage_rate_to",
            |t| t.reduce_patronage_rate_to(0),
            Error::NotIssuer,
        ),
        (
            "issue_revenue_split",
            |t| t.issue_revenue_split(None, 302_400),
            Error::NotIssuer,
        ),
        (
            "init_token_sale",
            |t| t.init_token_sale(public_sale(1), None, false),
            Error::NotIssuer,
        ),
        (
            "update_upcoming_sale",
            |t| t.update_upcoming_sale(None, None),
            Error::NotIssuer,
        ),
        (
            "finalize_token_sale",
            |t| t.finalize_token_sale(),
            Error::NotIssuer,
        ),
        ("activate_amm", |t| t.activate_amm(1_000_000, 0), Error::NotIssuer),
        ("deactivate_amm", |t| t.deactivate_amm(), Error::NotIssuer),
        (
            "deissue",
            |t| t.deissue(AccountId::from([1; 32])),
            Error::NotFactory,
        ),
    ]
}

#[ink::test]
fn every_privileged_message_refuses_everyone_else() {
    let a = acc();
    // Alice issues; bob holds; eve is a stranger; frank stands for the factory's governance
    // account; charlie for another token's issuer.
    let mut token = deploy(
        vec![alloc(a.alice, 1_000), alloc(a.bob, 10)],
        TransferPolicy::Permissioned([7; 32].into()),
    );
    let callers = [
        ("holder", a.bob),
        ("stranger", a.eve),
        ("governance", a.frank),
        ("other issuer", a.charlie),
    ];
    for (name, call, expected) in privileged() {
        for (role, caller) in callers {
            pay(caller, 10_000);
            let before = snapshot(&token);
            assert_eq!(call(&mut token), Err(expected), "{name} by the {role}");
            assert_eq!(
                snapshot(&token).0,
                before.0,
                "{name} by the {role} changed the token"
            );
        }
    }
    // The issuer itself passes the role check (it may still fail later for other reasons).
    set_caller::<E>(a.alice);
    for (name, call, expected) in privileged() {
        if expected == Error::NotIssuer {
            assert_ne!(call(&mut token), Err(Error::NotIssuer), "{name} by the issuer");
        }
    }
}
