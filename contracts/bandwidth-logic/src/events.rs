//! Events of the bandwidth contract: one for every change, with the amounts to the unit.

use crt_traits::BlockNumber;
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::channel::{Amount, Asset, ChannelId, Role, SignerKey};

pub use crt_traits::effects::{HeldPayoutWithdrawn, PayoutHeld};

/// A payer opened a channel to a seeder.
#[ink::event]
pub struct ChannelOpened {
    /// The new channel's id.
    #[ink(topic)]
    pub channel: ChannelId,
    /// The downloader who deposited.
    #[ink(topic)]
    pub payer: AccountId,
    /// The seeder who may redeem.
    #[ink(topic)]
    pub seeder: AccountId,
    /// The key vouchers must be signed with.
    pub signer: SignerKey,
    /// The content the channel pays for.
    pub reference: Vec<u8>,
    /// JOY or the token.
    pub asset: Asset,
    /// The deposit, base units of the asset.
    pub deposit: Amount,
    /// The fee on redemptions, ppm, fixed for the channel's life.
    pub fee_ppm: u32,
    /// The expiry block.
    pub expires_at: BlockNumber,
}

/// The payer added to a channel's deposit or moved its expiry later.
#[ink::event]
pub struct ChannelToppedUp {
    /// The channel.
    #[ink(topic)]
    pub channel: ChannelId,
    /// Added now, base units of the asset (0: only the expiry moved).
    pub amount: Amount,
    /// The deposit afterwards.
    pub deposit: Amount,
    /// The expiry afterwards.
    pub expires_at: BlockNumber,
}

/// The seeder redeemed a voucher.
#[ink::event]
pub struct VoucherRedeemed {
    /// The channel.
    #[ink(topic)]
    pub channel: ChannelId,
    /// The seeder paid.
    #[ink(topic)]
    pub seeder: AccountId,
    /// The channel's redeemed amount afterwards, base units of the asset.
    pub redeemed: Amount,
    /// What this voucher added to it.
    pub gross: Amount,
    /// The platform fee on it (to the treasury).
    pub fee: Amount,
    /// What the seeder received.
    pub net: Amount,
}

/// A channel was closed and the rest of its deposit refunded to the payer.
#[ink::event]
pub struct ChannelClosed {
    /// The channel.
    #[ink(topic)]
    pub channel: ChannelId,
    /// Who closed it.
    pub closed_by: Role,
    /// Refunded to the payer, base units of the asset.
    pub refund: Amount,
    /// The channel's redeemed amount, final.
    pub redeemed: Amount,
}

/// Governance changed the platform fee on redemptions of channels opened from now on.
#[ink::event]
pub struct FeeChanged {
    /// The new fee, ppm.
    pub fee: u32,
}
