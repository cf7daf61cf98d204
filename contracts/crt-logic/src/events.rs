//! Events of the token; the effects (events and JOY payouts) a logic call hands back to the
//! contract to carry out are the suite's shared `crt_traits::effects`, re-exported here.

use crt_core::vesting::{VestingSchedule, VestingSource};
pub use crt_traits::effects::{Effects, HeldPayoutWithdrawn, PayoutHeld, PendingEvent};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;
pub use psp22::{Approval, Transfer};

use crt_traits::TokenConstraints;

use crate::sale::TokenSale;
use crate::{Balance, TokenAmount};

/// Tokens left an account through `multi_transfer` or `issuer_transfer`; one PSP22 `Transfer`
/// per output precedes it. Carries the transfer's metadata.
#[ink::event]
pub struct TokensTransferred {
    /// The sender (the issuer for an issuer transfer).
    #[ink(topic)]
    pub from: AccountId,
    /// Tokens sent in all, base units.
    pub total: TokenAmount,
    /// How many outputs were credited (zero-amount and self outputs are not).
    pub outputs: u32,
    /// Whether it was an `issuer_transfer`.
    pub by_issuer: bool,
    /// The sender's note, as given (at most 1024 bytes).
    pub metadata: Vec<u8>,
}

/// A new account's bloat bond was paid (only emitted when the bond is not zero).
#[ink::event]
pub struct BondCharged {
    /// The account created.
    #[ink(topic)]
    pub account: AccountId,
    /// Who paid the bond (the sender, the joining member or the buyer).
    #[ink(topic)]
    pub payer: AccountId,
    /// The bond, JOY base units; paid back to whoever dusts the account.
    pub amount: Balance,
}

/// An empty account was removed; its bloat bond went to the duster.
#[ink::event]
pub struct AccountDusted {
    /// The account removed.
    #[ink(topic)]
    pub account: AccountId,
    /// Who removed it, and received the bond.
    #[ink(topic)]
    pub duster: AccountId,
    /// The bond paid to the duster, JOY base units.
    pub bloat_bond: Balance,
}

/// Tokens an account received are locked by a vesting schedule.
#[ink::event]
pub struct VestingScheduleAdded {
    /// The account whose tokens are locked.
    #[ink(topic)]
    pub account: AccountId,
    /// What the schedule came from (the initial allocation, a sale, an issuer transfer).
    pub source: VestingSource,
    /// The schedule: blocks and token amounts.
    pub schedule: VestingSchedule,
}

/// The token copied governance's current parameters from the factory (`sync_constraints`).
#[ink::event]
pub struct ConstraintsSynced {
    /// The parameters now in force in this token.
    pub constraints: TokenConstraints,
}

/// An account joined the whitelist of a permissioned token.
#[ink::event]
pub struct MemberJoinedWhitelist {
    /// The new member (an empty account now exists for it).
    #[ink(topic)]
    pub account: AccountId,
}

/// The token became permissionless (one way).
#[ink::event]
pub struct TransferPolicyChangedToPermissionless {
    /// The issuer who changed it.
    #[ink(topic)]
    pub issuer: AccountId,
}

/// The issuer proposed a successor (`None`: the proposal was withdrawn).
#[ink::event]
pub struct IssuerTransferProposed {
    /// The issuer proposing.
    #[ink(topic)]
    pub issuer: AccountId,
    /// The account that may accept the role (`None`: no one may).
    pub proposed: Option<AccountId>,
}

/// The proposed issuer accepted the role.
#[ink::event]
pub struct IssuerChanged {
    /// The issuer before.
    #[ink(topic)]
    pub previous: AccountId,
    /// The issuer now.
    #[ink(topic)]
    pub new: AccountId,
}

/// An account's JOY deposit for PSP22-transfer bonds changed.
#[ink::event]
pub struct BondDepositChanged {
    /// The depositor.
    #[ink(topic)]
    pub account: AccountId,
    /// The deposit now, JOY base units.
    pub deposit: Balance,
}

/// The token was deissued through the factory.
#[ink::event]
pub struct TokenDeissued {
    /// The token's id in the factory's registry.
    pub token_id: u64,
}

/// The issuer lowered the yearly patronage rate.
#[ink::event]
pub struct PatronageRateDecreasedTo {
    /// The new yearly rate, parts per million of the supply.
    pub rate: u32,
}

/// Patronage credit was minted to the issuer (a PSP22 `Transfer` from `None` precedes it).
#[ink::event]
pub struct PatronageCreditClaimed {
    /// The issuer who claimed.
    #[ink(topic)]
    pub issuer: AccountId,
    /// Tokens minted, base units.
    pub amount: TokenAmount,
}

/// The issuer paid revenue in and opened a revenue split for holders.
#[ink::event]
pub struct RevenueSplitIssued {
    /// The split's id (one per token, counting up).
    #[ink(topic)]
    pub split_id: u32,
    /// First block in which holders may participate.
    pub start: u32,
    /// How many blocks participation stays open.
    pub duration: u32,
    /// JOY set aside for holders, base units.
    pub allocation: Balance,
}

/// The issuer registered (or removed) the contract allowed to fund revenue splits with
/// revenue it collected for holders (`fund_revenue_split`).
#[ink::event]
pub struct RevenueSourceSet {
    /// The revenue source, or `None`: no contract may fund splits.
    pub source: Option<AccountId>,
}

/// A holder staked tokens in the ongoing split and was paid their dividend.
#[ink::event]
pub struct UserParticipatedInSplit {
    /// The holder.
    #[ink(topic)]
    pub account: AccountId,
    /// The split.
    #[ink(topic)]
    pub split_id: u32,
    /// Tokens staked (locked until the split ends), base units.
    pub staked: TokenAmount,
    /// JOY paid to the holder, base units.
    pub dividend: Balance,
}

/// A holder unstaked their tokens after the split ended.
#[ink::event]
pub struct RevenueSplitLeft {
    /// The holder.
    #[ink(topic)]
    pub account: AccountId,
    /// Tokens unlocked, base units.
    pub unstaked: TokenAmount,
}

/// The split was closed; the unclaimed allocation went back to the issuer.
#[ink::event]
pub struct RevenueSplitFinalized {
    /// The split.
    #[ink(topic)]
    pub split_id: u32,
    /// JOY returned to the issuer, base units.
    pub leftovers: Balance,
}

/// A sale was opened; its tokens moved into escrow (a PSP22 `Transfer` to the token contract
/// precedes it).
#[ink::event]
pub struct TokenSaleInitialized {
    /// The sale's id (one per token, counting up).
    #[ink(topic)]
    pub sale_id: u32,
    /// The sale as it starts.
    pub sale: TokenSale,
    /// The issuer's note on the sale, as given.
    pub metadata: Vec<u8>,
}

/// The issuer moved an upcoming sale's start or changed its duration.
#[ink::event]
pub struct UpcomingTokenSaleUpdated {
    /// The sale.
    #[ink(topic)]
    pub sale_id: u32,
    /// Its first block now.
    pub start: u32,
    /// Its length in blocks now.
    pub duration: u32,
}

/// A buyer bought tokens on the fixed-price sale.
#[ink::event]
pub struct TokensPurchasedOnSale {
    /// The sale.
    #[ink(topic)]
    pub sale_id: u32,
    /// The buyer.
    #[ink(topic)]
    pub buyer: AccountId,
    /// Tokens bought, base units.
    pub amount: TokenAmount,
    /// JOY paid, platform fee included, base units.
    pub cost: Balance,
    /// Part of the cost that went to the platform treasury, JOY base units.
    pub platform_fee: Balance,
}

/// A sale closed (by the issuer, or automatically when sold out): the JOY it collected in
/// total and the tokens returned to the source.
#[ink::event]
pub struct TokenSaleFinalized {
    /// The sale.
    #[ink(topic)]
    pub sale_id: u32,
    /// Unsold tokens returned to the source account, base units.
    pub quantity_left: TokenAmount,
    /// JOY buyers paid in all, fees included, base units.
    pub funds_collected: Balance,
}

/// The issuer started the bonding-curve AMM (prices per whole token).
#[ink::event]
pub struct AmmActivated {
    /// The issuer.
    #[ink(topic)]
    pub issuer: AccountId,
    /// Price increase per whole token of AMM supply, JOY base units per whole token.
    pub slope: Balance,
    /// Price at zero AMM supply, JOY base units per whole token.
    pub intercept: Balance,
}

/// Tokens minted on the AMM (a PSP22 `Transfer` from `None` precedes it).
#[ink::event]
pub struct TokensBoughtOnAmm {
    /// The buyer.
    #[ink(topic)]
    pub buyer: AccountId,
    /// Tokens minted to the buyer, base units.
    pub amount: TokenAmount,
    /// JOY into the reserve, base units.
    pub cost: Balance,
    /// JOY to the platform treasury, on top, base units.
    pub fee: Balance,
}

/// Tokens burned into the AMM (a PSP22 `Transfer` to `None` precedes it).
#[ink::event]
pub struct TokensSoldOnAmm {
    /// The seller.
    #[ink(topic)]
    pub seller: AccountId,
    /// Tokens burned, base units.
    pub amount: TokenAmount,
    /// JOY paid to the seller, the fee already taken off, base units.
    pub proceeds: Balance,
    /// JOY to the platform treasury, base units.
    pub fee: Balance,
}

/// The AMM stopped; what was left in the reserve went to the platform treasury.
#[ink::event]
pub struct AmmDeactivated {
    /// The issuer.
    #[ink(topic)]
    pub issuer: AccountId,
    /// JOY moved from the reserve to the treasury, base units.
    pub reserve_to_treasury: Balance,
}

pub fn transfer_event(from: Option<AccountId>, to: Option<AccountId>, value: TokenAmount) -> Transfer {
    Transfer { from, to, value }
}
