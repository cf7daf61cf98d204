//! The content contract's one error enum. Variants are appended, never reordered: the SCALE
//! index is the wire format front ends decode.

/// Why a content message was refused. A refused message changes nothing and moves no JOY.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum Error {
    /// Governance froze the suite: state-changing messages are refused; queries and
    /// withdrawals of held payouts work.
    Frozen,
    /// The factory did not answer a query (registry or governance).
    FactoryUnavailable,
    /// Only the factory's governance may do this.
    NotGovernance,
    /// The platform fee would exceed its hard cap (`CONTENT_FEE_CAP`, 20 %).
    FeeTooHigh,
    /// No item has this id.
    ItemNotFound,
    /// Only the item's creator may do this.
    NotCreator,
    /// The item was unpublished: it cannot be bought or changed any more.
    ItemUnpublished,
    /// The reference is empty.
    ReferenceEmpty,
    /// The reference is longer than `MAX_REFERENCE_LEN` (128 bytes).
    ReferenceTooLong,
    /// Timed access of zero blocks.
    InvalidAccessTerms,
    /// The holders' share is above 100 % (1 000 000 ppm).
    HoldersShareTooHigh,
    /// The token is not one the factory registered (or it was deissued).
    TokenNotRegistered,
    /// The caller is not the token's issuer (an item of a token must be published, and its
    /// holders' share paid out, by the token's issuer).
    NotTokenIssuer,
    /// The item has no creator token (so no gate and no issuer to follow).
    NoCreatorToken,
    /// The price is above the `max_price` the buyer accepted.
    PriceAboveMax,
    /// Less JOY was sent than the price.
    InsufficientPayment,
    /// The buyer has permanent access already: a purchase would buy nothing.
    AlreadyHasAccess,
    /// The creator reads their own item without buying it.
    CreatorHasAccess,
    /// A computed amount or block number does not fit its type.
    ArithmeticOverflow,
    /// A JOY transfer the message needed (fee, refund, withdrawal) failed.
    JoyTransferFailed,
    /// Nothing is held for the caller.
    NothingHeld,
    /// No holders' share has accumulated for this token.
    NoHoldersShare,
    /// The token refused to open a revenue split with the holders' share (this contract is
    /// not its registered revenue source, another split is active, or the window is outside
    /// governance's bounds).
    RevenueSplitRefused,
    /// The token is still one of the factory's: its holders' share can only fund its splits.
    TokenStillRegistered,
    /// Code that is not the content contract's runs on its storage (a library or upgrade
    /// built for another layout).
    LayoutMismatch,
}
