//! Every message of the content contract, declared once, here, with its docs: the contract
//! (`content`) implements these traits, and other contracts call it through them
//! (`ink::contract_ref!(Purchases)`, say, for a distributor checking `has_access`).
//! Selectors are `<Trait>::<message>`.

use crt_traits::{Balance, BlockNumber, TokenAmount};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::errors::Error;
use crate::item::{Access, AccessTerms, Item, ItemId, PriceQuote, TokenTerms};

/// Publishing and managing items.
#[ink::trait_definition]
pub trait Catalog {
    /// Publishes an item for the caller and returns its id. `reference` (1 to 128 bytes)
    /// names the content off-chain (content hash, torrent info-hash, CID); `price` is in JOY
    /// base units, fee included; `access` is `Permanent` or `Timed { blocks }`. `token`: the
    /// caller's own token (the factory must list the caller as its issuer), with an optional
    /// `gate` (holders of that many token base units read free) and a `holders_share` (ppm of
    /// each sale after the fee, kept to fund the token's revenue splits).
    ///
    /// # Errors
    /// `Frozen`, `ReferenceEmpty`, `ReferenceTooLong`, `InvalidAccessTerms`,
    /// `HoldersShareTooHigh`, `FactoryUnavailable`, `TokenNotRegistered`, `NotTokenIssuer`,
    /// `ArithmeticOverflow`.
    ///
    /// # Events
    /// `ItemPublished`.
    #[ink(message)]
    fn publish(
        &mut self,
        reference: Vec<u8>,
        price: Balance,
        access: AccessTerms,
        token: Option<TokenTerms>,
    ) -> Result<ItemId, Error>;

    /// The creator sets the `price` (JOY base units) of a published `item`. A purchase placed
    /// before the change is protected by its `max_price`.
    ///
    /// # Errors
    /// `Frozen`, `ItemNotFound`, `NotCreator`, `ItemUnpublished`.
    ///
    /// # Events
    /// `PriceChanged`.
    #[ink(message)]
    fn set_price(&mut self, item: ItemId, price: Balance) -> Result<(), Error>;

    /// The creator sets the `gate` of a published `item` of a token: `Some(amount)` (token base
    /// units a holder needs to read free) or `None` (no gate).
    ///
    /// # Errors
    /// `Frozen`, `ItemNotFound`, `NotCreator`, `ItemUnpublished`, `NoCreatorToken`.
    ///
    /// # Events
    /// `GateChanged`.
    #[ink(message)]
    fn set_gate(&mut self, item: ItemId, gate: Option<TokenAmount>) -> Result<(), Error>;

    /// The creator withdraws `item`: no more purchases and no gate access; access already
    /// bought stays valid.
    ///
    /// # Errors
    /// `Frozen`, `ItemNotFound`, `NotCreator`, `ItemUnpublished`.
    ///
    /// # Events
    /// `ItemUnpublished`.
    #[ink(message)]
    fn unpublish(&mut self, item: ItemId) -> Result<(), Error>;

    /// Anyone: hands `item`, an item of a token, to the token's current issuer (as the factory
    /// records it), after the issuer role changed hands. Already theirs: nothing happens.
    ///
    /// # Errors
    /// `Frozen`, `ItemNotFound`, `NoCreatorToken`, `FactoryUnavailable`, `TokenNotRegistered`,
    /// `ArithmeticOverflow`.
    ///
    /// # Events
    /// `CreatorChanged`.
    #[ink(message)]
    fn follow_issuer(&mut self, item: ItemId) -> Result<(), Error>;

    /// The item whose id is `item` (unpublished ones too), or `None`.
    #[ink(message)]
    fn item(&self, item: ItemId) -> Option<Item>;

    /// Up to `max` (at most 32) of `creator`'s items, from position `from` of their list.
    #[ink(message)]
    fn items_of(&self, creator: AccountId, from: u32, max: u32) -> Vec<(ItemId, Item)>;

    /// How many items `creator` has.
    #[ink(message)]
    fn item_count_of(&self, creator: AccountId) -> u32;
}

/// Buying access and checking it.
#[ink::trait_definition]
pub trait Purchases {
    /// Buys access to a published `item` for the caller at its price, if the price is at most
    /// `max_price` (JOY base units). Payable: send at least the price; the excess is refunded.
    /// The fee goes to the treasury, the holders' share is kept for the item's token, the
    /// rest goes to the creator (held for them if their account cannot receive it). Timed
    /// access is extended from its current end while it lasts.
    ///
    /// # Errors
    /// `Frozen`, `ItemNotFound`, `ItemUnpublished`, `CreatorHasAccess`, `PriceAboveMax`,
    /// `InsufficientPayment`, `AlreadyHasAccess`, `ArithmeticOverflow`, `JoyTransferFailed`.
    ///
    /// # Events
    /// `AccessPurchased`, `PayoutHeld` (creator's account refused the payout).
    #[ink(message, payable)]
    fn purchase_access(&mut self, item: ItemId, max_price: Balance) -> Result<(), Error>;

    /// Where a purchase of `item` would send the JOY now: fee, holders' share, creator.
    ///
    /// # Errors
    /// `ItemNotFound`.
    #[ink(message)]
    fn quote(&self, item: ItemId) -> Result<PriceQuote, Error>;

    /// Whether `account` may read `item` now: its creator, a buyer whose access lasts, or a
    /// holder of at least the gate's amount of the item's token (asked of the token). What a
    /// seeder or distributor checks before serving; `false` for an unknown item.
    #[ink(message)]
    fn has_access(&self, account: AccountId, item: ItemId) -> bool;

    /// The access `account` has to `item` now, and until when.
    ///
    /// # Errors
    /// `ItemNotFound`.
    #[ink(message)]
    fn access_of(&self, account: AccountId, item: ItemId) -> Result<Access, Error>;
}

/// JOY the contract keeps for others.
#[ink::trait_definition]
pub trait Payouts {
    /// Pays the caller the payouts held for it (works while the suite is frozen).
    ///
    /// # Errors
    /// `NothingHeld`, `JoyTransferFailed`.
    ///
    /// # Events
    /// `HeldPayoutWithdrawn`.
    #[ink(message)]
    fn withdraw_held_payout(&mut self) -> Result<(), Error>;

    /// The token's issuer (as the factory records it) pays everything kept for `token`'s
    /// holders into a revenue split of the token: all of it is the holders' allocation, open
    /// from `start` (default: the earliest block governance allows) for `duration` blocks,
    /// under the token's split rules. The token must have this contract registered as its
    /// revenue source (`set_revenue_source`).
    ///
    /// # Errors
    /// `Frozen`, `FactoryUnavailable`, `TokenNotRegistered`, `NotTokenIssuer`,
    /// `NoHoldersShare`, `RevenueSplitRefused`.
    ///
    /// # Events
    /// `RevenueSplitFunded` (and the token's `RevenueSplitIssued`).
    #[ink(message)]
    fn fund_revenue_split(
        &mut self,
        token: AccountId,
        start: Option<BlockNumber>,
        duration: BlockNumber,
    ) -> Result<(), Error>;

    /// Anyone: pays what is kept for the holders of `token` to the treasury once the factory
    /// no longer lists the token (it was deissued, which it can only be with no holders left),
    /// so that JOY is never locked here.
    ///
    /// # Errors
    /// `Frozen`, `FactoryUnavailable`, `TokenStillRegistered`, `NoHoldersShare`,
    /// `JoyTransferFailed`.
    ///
    /// # Events
    /// `HoldersShareReleased`.
    #[ink(message)]
    fn release_holders_share(&mut self, token: AccountId) -> Result<(), Error>;

    /// JOY base units held for `account`.
    #[ink(message)]
    fn held_payout_of(&self, account: AccountId) -> Balance;

    /// JOY base units kept for the holders of `token`.
    #[ink(message)]
    fn holders_share_of(&self, token: AccountId) -> Balance;
}

/// The platform's terms.
#[ink::trait_definition]
pub trait ContentGovernance {
    /// The factory's governance sets the platform fee on purchases (`fee`, ppm, at most
    /// 200 000 = 20 %). Works while the suite is frozen.
    ///
    /// # Errors
    /// `FactoryUnavailable`, `NotGovernance`, `FeeTooHigh`.
    ///
    /// # Events
    /// `FeeChanged`.
    #[ink(message)]
    fn set_fee(&mut self, fee: u32) -> Result<(), Error>;

    /// The platform fee on purchases, ppm.
    #[ink(message)]
    fn fee(&self) -> u32;

    /// The factory this contract is bound to (its treasury receives the fees).
    #[ink(message)]
    fn factory(&self) -> AccountId;

    /// Whether governance froze the suite.
    #[ink(message)]
    fn is_frozen(&self) -> bool;
}
