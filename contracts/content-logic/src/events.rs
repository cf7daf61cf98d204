//! Events of the content contract: one for every change, with the JOY movements to the unit.

use crt_traits::{Balance, BlockNumber, TokenAmount};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::item::{AccessTerms, ItemId, TokenTerms};

pub use crt_traits::effects::{HeldPayoutWithdrawn, PayoutHeld};

/// A creator published an item.
#[ink::event]
pub struct ItemPublished {
    /// The new item's id.
    #[ink(topic)]
    pub item: ItemId,
    /// The creator.
    #[ink(topic)]
    pub creator: AccountId,
    /// The content's off-chain reference.
    pub reference: Vec<u8>,
    /// JOY base units per purchase.
    pub price: Balance,
    /// What a purchase buys.
    pub access: AccessTerms,
    /// The creator's token, gate and holders' share, if any.
    pub token: Option<TokenTerms>,
}

/// The creator changed an item's price.
#[ink::event]
pub struct PriceChanged {
    /// The item.
    #[ink(topic)]
    pub item: ItemId,
    /// The new price, JOY base units.
    pub price: Balance,
}

/// The creator changed an item's gate.
#[ink::event]
pub struct GateChanged {
    /// The item.
    #[ink(topic)]
    pub item: ItemId,
    /// The token base units a holder needs to read free (`None`: no gate).
    pub gate: Option<TokenAmount>,
}

/// The creator unpublished an item: no more purchases or gate access; access bought stays.
#[ink::event]
pub struct ItemUnpublished {
    /// The item.
    #[ink(topic)]
    pub item: ItemId,
}

/// An item of a token followed the token's issuer role to its new holder.
#[ink::event]
pub struct CreatorChanged {
    /// The item.
    #[ink(topic)]
    pub item: ItemId,
    /// The previous creator.
    pub from: AccountId,
    /// The new creator: the token's issuer.
    #[ink(topic)]
    pub to: AccountId,
}

/// An account bought access to an item.
#[ink::event]
pub struct AccessPurchased {
    /// The item.
    #[ink(topic)]
    pub item: ItemId,
    /// The buyer.
    #[ink(topic)]
    pub buyer: AccountId,
    /// JOY base units paid (the price; any excess sent was refunded).
    pub price: Balance,
    /// The platform fee, to the treasury.
    pub fee: Balance,
    /// Kept for the holders of the item's token.
    pub holders_share: Balance,
    /// Paid to the creator (or held for them if their account could not receive it).
    pub creator_payout: Balance,
    /// Access now lasts until this block (`None`: for good).
    pub until: Option<BlockNumber>,
}

/// Governance changed the platform fee on purchases.
#[ink::event]
pub struct FeeChanged {
    /// The new fee, parts per million of the price.
    pub fee: u32,
}

/// The holders' share kept for a token funded a revenue split of that token.
#[ink::event]
pub struct RevenueSplitFunded {
    /// The token.
    #[ink(topic)]
    pub token: AccountId,
    /// The token's issuer, who asked for it.
    pub issuer: AccountId,
    /// JOY base units paid into the split (all of it goes to holders).
    pub amount: Balance,
    /// The split's first block as asked (`None`: the earliest governance allows; the token's
    /// `RevenueSplitIssued` event has the block).
    pub start: Option<BlockNumber>,
    /// How many blocks holders may join it.
    pub duration: BlockNumber,
}

/// The holders' share kept for a token the factory no longer lists (deissued: it has no
/// holders left) went to the treasury.
#[ink::event]
pub struct HoldersShareReleased {
    /// The deissued token.
    #[ink(topic)]
    pub token: AccountId,
    /// JOY base units paid to the treasury.
    pub amount: Balance,
}
