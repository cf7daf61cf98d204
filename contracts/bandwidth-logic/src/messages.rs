//! Every message of the bandwidth contract, declared once, here, with its docs: the contract
//! (`bandwidth`) implements these traits, and other contracts call it through them.
//! Selectors are `<Trait>::<message>`.
//!
//! Amounts of a channel (`Amount`) are base units of its asset: JOY for a JOY channel, the
//! token's base units for a token channel.

use crt_traits::{Balance, BlockNumber};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::channel::{Amount, Channel, ChannelId, Redemption, Role, SignerKey, VoucherSignature};
use crate::errors::Error;

/// Opening, funding, redeeming and closing channels.
#[ink::trait_definition]
pub trait Channels {
    /// Opens a JOY channel from the caller to `seeder` for the content named by `reference`
    /// (1 to 128 bytes) and returns its id. Payable: the JOY sent is the deposit. `signer` is
    /// the compressed secp256k1 public key (33 bytes) the caller signs vouchers with;
    /// `expires_at` is the block from which the seeder has the challenge period left to
    /// redeem. The fee in force now applies to the channel's whole life.
    ///
    /// # Errors
    /// `Frozen`, `ReferenceEmpty`, `ReferenceTooLong`, `SeederIsPayer`, `ExpiryNotInFuture`,
    /// `ZeroDeposit`, `ArithmeticOverflow`.
    ///
    /// # Events
    /// `ChannelOpened`.
    #[ink(message, payable)]
    fn open_channel(
        &mut self,
        seeder: AccountId,
        reference: Vec<u8>,
        signer: SignerKey,
        expires_at: BlockNumber,
    ) -> Result<ChannelId, Error>;

    /// Opens a channel from the caller to `seeder` for the content named by `reference`, as
    /// `open_channel`, with vouchers signed by `signer` and expiring at `expires_at`, but with
    /// a deposit of `amount` base units of `token`, a creator token the factory registered,
    /// moved from the caller by PSP22 `transfer_from` (approve this contract first). Token
    /// channels pay no fee.
    ///
    /// # Errors
    /// `Frozen`, `FactoryUnavailable`, `TokenNotRegistered`,
    /// `ReferenceEmpty`, `ReferenceTooLong`, `SeederIsPayer`, `ExpiryNotInFuture`,
    /// `ZeroDeposit`, `ArithmeticOverflow`, `TokenTransferFailed`.
    ///
    /// # Events
    /// `ChannelOpened` (and the token's `Transfer`).
    #[ink(message)]
    fn open_token_channel(
        &mut self,
        seeder: AccountId,
        reference: Vec<u8>,
        signer: SignerKey,
        expires_at: BlockNumber,
        token: AccountId,
        amount: Amount,
    ) -> Result<ChannelId, Error>;

    /// The payer adds the JOY sent (payable) to `channel`, a JOY channel that has not expired,
    /// and may move its expiry later (`expires_at`, `None`: unchanged).
    ///
    /// # Errors
    /// `Frozen`, `ChannelNotFound`, `NotPayer`, `ChannelClosed`, `ChannelExpired`,
    /// `WrongAsset`, `ExpiryEarlier`, `ZeroDeposit`, `ArithmeticOverflow`.
    ///
    /// # Events
    /// `ChannelToppedUp`.
    #[ink(message, payable)]
    fn top_up(&mut self, channel: ChannelId, expires_at: Option<BlockNumber>) -> Result<(), Error>;

    /// The payer adds `amount` base units of the channel's token (PSP22 `transfer_from`) to
    /// `channel`, a token channel that has not expired, and may move its expiry later
    /// (`expires_at`, `None`: unchanged).
    ///
    /// # Errors
    /// `Frozen`, `ChannelNotFound`, `NotPayer`, `ChannelClosed`, `ChannelExpired`,
    /// `WrongAsset` (a JOY channel), `ExpiryEarlier`, `ZeroDeposit`,
    /// `ArithmeticOverflow`, `TokenTransferFailed`.
    ///
    /// # Events
    /// `ChannelToppedUp` (and the token's `Transfer`).
    #[ink(message)]
    fn top_up_tokens(
        &mut self,
        channel: ChannelId,
        amount: Amount,
        expires_at: Option<BlockNumber>,
    ) -> Result<(), Error>;

    /// The seeder of `channel` redeems the payer's voucher for `cumulative` (everything owed
    /// so far) with its 65-byte `signature` (see `voucher_hash`), and is paid what it adds to
    /// the channel's redeemed amount — never beyond the deposit — less the fee; returns what
    /// it was paid. Works until the challenge period after expiry ends, and while the suite
    /// is frozen.
    ///
    /// # Errors
    /// `LayoutMismatch`, `ChannelNotFound`, `NotSeeder`, `ChannelClosed`,
    /// `RedeemWindowOver`, `VoucherNotNewer`, `DepositExhausted`, `BadSignature`,
    /// `ArithmeticOverflow`, `JoyTransferFailed`, `TokenTransferFailed`.
    ///
    /// # Events
    /// `VoucherRedeemed` (and the token's `Transfer`s).
    #[ink(message)]
    fn redeem(
        &mut self,
        channel: ChannelId,
        cumulative: Amount,
        signature: VoucherSignature,
    ) -> Result<Amount, Error>;

    /// Closes `channel` and refunds what was not redeemed to its payer: its seeder may close
    /// at any time (giving up what it has not redeemed), its payer from the end of the
    /// challenge period after expiry. Works while the suite is frozen. A JOY refund the
    /// payer's account refuses is held for it.
    ///
    /// # Errors
    /// `LayoutMismatch`, `ChannelNotFound`, `NotParty`, `ChannelClosed`, `ChallengeNotOver`,
    /// `ArithmeticOverflow`, `TokenTransferFailed`.
    ///
    /// # Events
    /// `ChannelClosed`, `PayoutHeld` (the payer's account refused the refund).
    #[ink(message)]
    fn close(&mut self, channel: ChannelId) -> Result<(), Error>;
}

/// What clients read: channels, vouchers, lists.
#[ink::trait_definition]
pub trait ChannelViews {
    /// The channel whose id is `channel` (closed ones too), or `None`.
    #[ink(message)]
    fn channel(&self, channel: ChannelId) -> Option<Channel>;

    /// What redeeming the voucher for `cumulative` with `signature` on `channel` would pay
    /// its seeder now, without paying: what a seeder checks before serving more.
    ///
    /// # Errors
    /// As `redeem` would refuse it (except `NotSeeder`): `LayoutMismatch`,
    /// `ChannelNotFound`, `ChannelClosed`, `RedeemWindowOver`, `VoucherNotNewer`,
    /// `DepositExhausted`, `BadSignature`.
    #[ink(message)]
    fn redeemable(
        &self,
        channel: ChannelId,
        cumulative: Amount,
        signature: VoucherSignature,
    ) -> Result<Redemption, Error>;

    /// The 32 bytes a payer signs for a voucher of `cumulative` on `channel`: Blake2-256 of
    /// the SCALE encoding of ("crt-bandwidth-voucher/v1", this contract, channel, cumulative).
    #[ink(message)]
    fn voucher_hash(&self, channel: ChannelId, cumulative: Amount) -> [u8; 32];

    /// Up to `max` (at most 32) of `account`'s channels as `role`, from position `from` of its
    /// list.
    #[ink(message)]
    fn channels_of(&self, account: AccountId, role: Role, from: u32, max: u32) -> Vec<(ChannelId, Channel)>;

    /// How many channels `account` has as `role`.
    #[ink(message)]
    fn channel_count_of(&self, account: AccountId, role: Role) -> u32;
}

/// Refunds the contract holds for payers whose accounts refused them.
#[ink::trait_definition]
pub trait HeldRefunds {
    /// Pays the caller the refunds held for it (works while the suite is frozen).
    ///
    /// # Errors
    /// `NothingHeld`, `JoyTransferFailed`.
    ///
    /// # Events
    /// `HeldPayoutWithdrawn`.
    #[ink(message)]
    fn withdraw_held_payout(&mut self) -> Result<(), Error>;

    /// JOY base units held for `account`.
    #[ink(message)]
    fn held_payout_of(&self, account: AccountId) -> Balance;
}

/// The platform's terms.
#[ink::trait_definition]
pub trait BandwidthGovernance {
    /// The factory's governance sets the platform fee on redemptions of JOY channels opened
    /// from now on (`fee`, ppm, at most 100 000 = 10 %). Works while the suite is frozen.
    ///
    /// # Errors
    /// `FactoryUnavailable`, `NotGovernance`, `FeeTooHigh`.
    ///
    /// # Events
    /// `FeeChanged`.
    #[ink(message)]
    fn set_fee(&mut self, fee: u32) -> Result<(), Error>;

    /// The platform fee on redemptions of JOY channels opened now, ppm.
    #[ink(message)]
    fn fee(&self) -> u32;

    /// Blocks after a channel's expiry in which its seeder may still redeem.
    #[ink(message)]
    fn challenge_period(&self) -> BlockNumber;

    /// The factory this contract is bound to (its treasury receives the fees).
    #[ink(message)]
    fn factory(&self) -> AccountId;

    /// Whether governance froze the suite.
    #[ink(message)]
    fn is_frozen(&self) -> bool;
}
