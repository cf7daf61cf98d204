//! A channel's terms and books, and the arithmetic of a redemption.

use crt_traits::{BlockNumber, Permill};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::errors::Error;

/// A channel's number, in the order channels were opened (the first is 0).
pub type ChannelId = u64;

/// An amount in base units of a channel's asset: JOY base units for a JOY channel, the token's
/// base units for a token channel. (Not named `Balance`: clients would scale a token amount by
/// the chain's decimals.)
pub type Amount = u128;

/// A compressed secp256k1 public key (33 bytes): the key a payer signs vouchers with.
pub type SignerKey = [u8; 33];

/// A recoverable ECDSA signature over secp256k1: `r` (32 bytes), `s` (32 bytes) and the
/// recovery id (0 or 1; 27 or 28 accepted too).
pub type VoucherSignature = [u8; 65];

/// Longest content reference a channel may name, in bytes.
pub const MAX_REFERENCE_LEN: usize = 128;

/// Most channels a paged query returns.
pub const MAX_PAGE: u32 = 32;

/// What a channel's deposit is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub enum Asset {
    /// JOY, the chain's currency, sent with `open_channel`.
    Joy,
    /// A creator token the factory registered, moved in with PSP22 `transfer_from`.
    Token(AccountId),
}

/// The two sides of a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub enum Role {
    /// The downloader: deposits, signs vouchers, gets the rest back.
    Payer,
    /// The seeder: serves the content, redeems vouchers.
    Seeder,
}

/// A payment channel from a payer to a seeder.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct Channel {
    /// The downloader who deposited, and who gets back what was not redeemed.
    pub payer: AccountId,
    /// The seeder, the only account that may redeem vouchers.
    pub seeder: AccountId,
    /// The compressed secp256k1 public key whose signatures the vouchers must carry.
    pub signer: SignerKey,
    /// The content the channel pays for (content hash, torrent info-hash, CID), 1 to 128 bytes.
    pub reference: Vec<u8>,
    /// JOY or a creator token.
    pub asset: Asset,
    /// Everything deposited, base units of the asset.
    pub deposit: Amount,
    /// The highest voucher amount redeemed so far (capped at the deposit), base units of the
    /// asset; the fee came out of it.
    pub redeemed: Amount,
    /// Fees taken from the redemptions, base units of the asset.
    pub fees: Amount,
    /// The platform fee on redemptions, parts per million, fixed when the channel opened
    /// (always 0 for a token channel).
    pub fee_ppm: u32,
    /// From this block on, the seeder has the challenge period left to redeem; after it, the
    /// payer may close the channel and take the rest back.
    pub expires_at: BlockNumber,
    /// Whether the channel was closed (the rest refunded; nothing moves any more).
    pub closed: bool,
}

/// What redeeming a voucher pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct Redemption {
    /// The channel's redeemed amount afterwards: the voucher's amount, capped at the deposit.
    pub redeemed: Amount,
    /// What this voucher adds to the redeemed amount.
    pub gross: Amount,
    /// The platform fee on it (to the treasury).
    pub fee: Amount,
    /// What the seeder receives: `gross − fee`.
    pub net: Amount,
}

impl Channel {
    /// The first block in which the payer may close the channel: the challenge period after
    /// expiry. The seeder may redeem until the block before.
    pub fn payer_may_close_at(&self, challenge_period: BlockNumber) -> BlockNumber {
        self.expires_at.saturating_add(challenge_period)
    }

    /// Deposited and not redeemed: what a close refunds to the payer.
    pub fn unredeemed(&self) -> Amount {
        self.deposit.saturating_sub(self.redeemed)
    }

    /// What a voucher for `cumulative` pays now: the part above what was redeemed, never
    /// beyond the deposit (a voucher above it redeems the whole deposit; after a top-up the
    /// same voucher can redeem the rest).
    pub fn redemption(&self, cumulative: Amount) -> Result<Redemption, Error> {
        if cumulative <= self.redeemed {
            return Err(Error::VoucherNotNewer);
        }
        if self.redeemed >= self.deposit {
            return Err(Error::DepositExhausted);
        }
        let redeemed = cumulative.min(self.deposit);
        let gross = redeemed.saturating_sub(self.redeemed);
        let fee = Permill(self.fee_ppm).mul_floor(gross);
        Ok(Redemption {
            redeemed,
            gross,
            fee,
            net: gross.saturating_sub(fee),
        })
    }

    /// The side `account` is on, if any.
    pub fn role_of(&self, account: AccountId) -> Option<Role> {
        if account == self.seeder {
            Some(Role::Seeder)
        } else if account == self.payer {
            Some(Role::Payer)
        } else {
            None
        }
    }
}
