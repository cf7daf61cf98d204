//! The bandwidth contract's one error enum. Variants are appended, never reordered: the SCALE
//! index is the wire format front ends decode.

/// Why a bandwidth message was refused. A refused message changes nothing and moves nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum Error {
    /// Governance froze the suite: opening and topping up channels are refused; redeeming,
    /// closing, withdrawals and queries work.
    Frozen,
    /// The factory did not answer a query (registry, governance or live marker).
    FactoryUnavailable,
    /// Only the factory's governance may do this.
    NotGovernance,
    /// The platform fee would exceed its hard cap (`BANDWIDTH_FEE_CAP`, 10 %).
    FeeTooHigh,
    /// The challenge period is outside its bounds (`MIN_CHALLENGE_PERIOD` to
    /// `MAX_CHALLENGE_PERIOD` blocks).
    ChallengePeriodOutOfBounds,
    /// The content reference is empty.
    ReferenceEmpty,
    /// The content reference is longer than `MAX_REFERENCE_LEN` (128 bytes).
    ReferenceTooLong,
    /// A channel from an account to itself.
    SeederIsPayer,
    /// The expiry block is not after the current block.
    ExpiryNotInFuture,
    /// Nothing deposited (and, for a top-up, no later expiry either).
    ZeroDeposit,
    /// The token is not one the factory registered (or it was deissued).
    TokenNotRegistered,
    /// The token refused a transfer the message needed (the deposit's `transfer_from`: is the
    /// allowance enough? a payout: is the suite frozen?).
    TokenTransferFailed,
    /// A JOY transfer the message needed (fee, payout, withdrawal) failed.
    JoyTransferFailed,
    /// No channel has this id.
    ChannelNotFound,
    /// Only the channel's payer may do this.
    NotPayer,
    /// Only the channel's seeder may redeem its vouchers.
    NotSeeder,
    /// Only the channel's payer or seeder may close it.
    NotParty,
    /// The channel is closed: nothing moves on it any more.
    ChannelClosed,
    /// The channel expired: it can no longer be topped up.
    ChannelExpired,
    /// A top-up's new expiry is before the channel's current one.
    ExpiryEarlier,
    /// JOY sent to a token channel, or a token top-up for a JOY channel.
    WrongAsset,
    /// The voucher's amount is not above what the channel already redeemed (a replay or an
    /// older voucher).
    VoucherNotNewer,
    /// The whole deposit was redeemed already: a top-up lets the voucher redeem the rest.
    DepositExhausted,
    /// The signature is malformed or was not made by the channel's signer over this voucher
    /// (this contract, this channel, this amount).
    BadSignature,
    /// The challenge period after the channel's expiry is over: vouchers are no longer
    /// redeemed and the payer may close.
    RedeemWindowOver,
    /// The payer may close only from the end of the challenge period after expiry.
    ChallengeNotOver,
    /// A computed amount, id or block number does not fit its type.
    ArithmeticOverflow,
    /// Nothing is held for the caller.
    NothingHeld,
    /// Code that is not the bandwidth contract's runs on its storage (an upgrade built for
    /// another layout).
    LayoutMismatch,
}
