//! Events of the token, and the effects (events and JOY payouts) a logic call hands back to
//! the contract to carry out.

use crt_core::vesting::{VestingSchedule, VestingSource};
use ink::prelude::{boxed::Box, vec::Vec};
use ink::primitives::AccountId;
pub use psp22::{Approval, Transfer};

use crt_traits::TokenConstraints;

use crate::sale::TokenSale;
use crate::Balance;

/// Tokens left an account through `multi_transfer` or `issuer_transfer`; one PSP22 `Transfer`
/// per output precedes it. Carries the transfer's metadata.
#[ink::event]
pub struct TokensTransferred {
    #[ink(topic)]
    pub from: AccountId,
    pub total: Balance,
    pub outputs: u32,
    pub by_issuer: bool,
    pub metadata: Vec<u8>,
}

/// A new account's bloat bond was paid (only emitted when the bond is not zero).
#[ink::event]
pub struct BondCharged {
    #[ink(topic)]
    pub account: AccountId,
    #[ink(topic)]
    pub payer: AccountId,
    pub amount: Balance,
}

/// An empty account was removed; its bloat bond went to the duster.
#[ink::event]
pub struct AccountDusted {
    #[ink(topic)]
    pub account: AccountId,
    #[ink(topic)]
    pub duster: AccountId,
    pub bloat_bond: Balance,
}

/// Tokens an account received are locked by a vesting schedule.
#[ink::event]
pub struct VestingScheduleAdded {
    #[ink(topic)]
    pub account: AccountId,
    pub source: VestingSource,
    pub schedule: VestingSchedule,
}

/// The token copied governance's current parameters from the factory (`sync_constraints`).
#[ink::event]
pub struct ConstraintsSynced {
    pub constraints: TokenConstraints,
}

/// An account joined the whitelist of a permissioned token.
#[ink::event]
pub struct MemberJoinedWhitelist {
    #[ink(topic)]
    pub account: AccountId,
}

/// The token became permissionless (one way).
#[ink::event]
pub struct TransferPolicyChangedToPermissionless {
    #[ink(topic)]
    pub issuer: AccountId,
}

/// The issuer proposed a successor (`None`: the proposal was withdrawn).
#[ink::event]
pub struct IssuerTransferProposed {
    #[ink(topic)]
    pub issuer: AccountId,
    pub proposed: Option<AccountId>,
}

/// The proposed issuer accepted the role.
#[ink::event]
pub struct IssuerChanged {
    #[ink(topic)]
    pub previous: AccountId,
    #[ink(topic)]
    pub new: AccountId,
}

/// An account's JOY deposit for PSP22-transfer bonds changed.
#[ink::event]
pub struct BondDepositChanged {
    #[ink(topic)]
    pub account: AccountId,
    pub deposit: Balance,
}

/// The token was deissued through the factory.
#[ink::event]
pub struct TokenDeissued {
    pub token_id: u64,
}

/// The issuer lowered the yearly patronage rate.
#[ink::event]
pub struct PatronageRateDecreasedTo {
    pub rate: u32,
}

/// Patronage credit was minted to the issuer (a PSP22 `Transfer` from `None` precedes it).
#[ink::event]
pub struct PatronageCreditClaimed {
    #[ink(topic)]
    pub issuer: AccountId,
    pub amount: Balance,
}

#[ink::event]
pub struct RevenueSplitIssued {
    #[ink(topic)]
    pub split_id: u32,
    pub start: u32,
    pub duration: u32,
    pub allocation: Balance,
}

#[ink::event]
pub struct UserParticipatedInSplit {
    #[ink(topic)]
    pub account: AccountId,
    #[ink(topic)]
    pub split_id: u32,
    pub staked: Balance,
    pub dividend: Balance,
}

#[ink::event]
pub struct RevenueSplitLeft {
    #[ink(topic)]
    pub account: AccountId,
    pub unstaked: Balance,
}

/// The split was closed; the unclaimed allocation went back to the issuer.
#[ink::event]
pub struct RevenueSplitFinalized {
    #[ink(topic)]
    pub split_id: u32,
    pub leftovers: Balance,
}

/// A sale was opened; its tokens moved into escrow (a PSP22 `Transfer` to the token contract
/// precedes it).
#[ink::event]
pub struct TokenSaleInitialized {
    #[ink(topic)]
    pub sale_id: u32,
    pub sale: TokenSale,
    pub metadata: Vec<u8>,
}

#[ink::event]
pub struct UpcomingTokenSaleUpdated {
    #[ink(topic)]
    pub sale_id: u32,
    pub start: u32,
    pub duration: u32,
}

#[ink::event]
pub struct TokensPurchasedOnSale {
    #[ink(topic)]
    pub sale_id: u32,
    #[ink(topic)]
    pub buyer: AccountId,
    pub amount: Balance,
    /// JOY paid, platform fee included.
    pub cost: Balance,
    pub platform_fee: Balance,
}

/// A sale closed (by the issuer, or automatically when sold out): the JOY it collected in
/// total and the tokens returned to the source.
#[ink::event]
pub struct TokenSaleFinalized {
    #[ink(topic)]
    pub sale_id: u32,
    pub quantity_left: Balance,
    pub funds_collected: Balance,
}

/// The issuer started the bonding-curve AMM (prices per whole token).
#[ink::event]
pub struct AmmActivated {
    #[ink(topic)]
    pub issuer: AccountId,
    pub slope: Balance,
    pub intercept: Balance,
}

/// Tokens minted on the AMM (a PSP22 `Transfer` from `None` precedes it).
#[ink::event]
pub struct TokensBoughtOnAmm {
    #[ink(topic)]
    pub buyer: AccountId,
    pub amount: Balance,
    /// JOY into the reserve.
    pub cost: Balance,
    /// JOY to the platform treasury, on top.
    pub fee: Balance,
}

/// Tokens burned into the AMM (a PSP22 `Transfer` to `None` precedes it).
#[ink::event]
pub struct TokensSoldOnAmm {
    #[ink(topic)]
    pub seller: AccountId,
    pub amount: Balance,
    /// JOY paid to the seller, the fee already taken off.
    pub proceeds: Balance,
    pub fee: Balance,
}

/// The AMM stopped; what was left in the reserve went to the platform treasury.
#[ink::event]
pub struct AmmDeactivated {
    #[ink(topic)]
    pub issuer: AccountId,
    pub reserve_to_treasury: Balance,
}

/// A payout to a third party (a sale's earnings destination, the issuer's split leftovers)
/// was refused by the chain (e.g. below the existential deposit): the token holds it until the
/// account withdraws it (`withdraw_held_payout`), so the message that paid it still succeeds.
#[ink::event]
pub struct PayoutHeld {
    #[ink(topic)]
    pub account: AccountId,
    pub amount: Balance,
    /// Everything now held for the account.
    pub held: Balance,
}

/// An account withdrew the payouts held for it.
#[ink::event]
pub struct HeldPayoutWithdrawn {
    #[ink(topic)]
    pub account: AccountId,
    pub amount: Balance,
}

/// An event waiting to be emitted. The emitting code is a closure made where the event is
/// pushed, so a contract carries the encoders of the events its own code pushes only (the
/// token's Wasm does not hold those of its library's messages, and the other way round).
pub struct PendingEvent(Box<dyn FnOnce()>);

impl PendingEvent {
    pub fn new<E: ink::env::Event + 'static>(event: E) -> Self {
        Self(Box::new(move || {
            ink::env::emit_event::<ink::env::DefaultEnvironment, E>(event)
        }))
    }

    /// Emits the event from the running contract.
    pub fn emit(self) {
        (self.0)()
    }
}

/// What a successful logic call asks the contract to do: emit these events and send these
/// JOY payouts (refunds, bonds, withdrawals). Logic never moves JOY itself.
#[derive(Default)]
pub struct Effects {
    pub events: Vec<PendingEvent>,
    pub payouts: Vec<(AccountId, Balance)>,
    /// Payouts to third parties: paid like `payouts`, but a refused transfer is held for the
    /// account instead of failing the message (a caller cannot be blocked by someone else's
    /// account).
    pub pay_or_hold: Vec<(AccountId, Balance)>,
}

impl Effects {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn event<E: ink::env::Event + 'static>(mut self, e: E) -> Self {
        self.push(e);
        self
    }

    pub fn push<E: ink::env::Event + 'static>(&mut self, e: E) {
        self.events.push(PendingEvent::new(e));
    }

    /// Queues a JOY payout; zero amounts are dropped.
    pub fn pay(&mut self, to: AccountId, amount: Balance) {
        if amount > 0 {
            self.payouts.push((to, amount));
        }
    }

    /// Queues a payout to a third party; if the transfer is refused it is held for the
    /// account (`withdraw_held_payout`). Zero amounts are dropped.
    pub fn pay_or_hold(&mut self, to: AccountId, amount: Balance) {
        if amount > 0 {
            self.pay_or_hold.push((to, amount));
        }
    }
}

pub fn transfer_event(from: Option<AccountId>, to: Option<AccountId>, value: Balance) -> Transfer {
    Transfer { from, to, value }
}
