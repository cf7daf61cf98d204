//! What a payer signs: a voucher for the cumulative amount it owes on one channel of one
//! bandwidth contract. The message signed is the Blake2-256 hash of the SCALE encoding of
//! `(VOUCHER_DOMAIN, contract, channel, cumulative)`; the signature is a recoverable ECDSA
//! signature over secp256k1 of that hash, checked with the chain's `ecdsa_recover` host
//! function (stable in every pallet-contracts release; `sr25519_verify` began in the unstable
//! interface, and a client signs with a key of its own anyway, not a wallet's).
//!
//! Naming the contract and the channel means a voucher cannot be redeemed anywhere else;
//! signing cumulative amounts means the latest voucher is all a seeder needs to keep, and an
//! old one redeems nothing. For the same reason ECDSA's malleability (a second valid `s` for
//! the same voucher) gains nothing: what counts is the amount, not the signature's bytes.

use ink::primitives::AccountId;

use crate::channel::{Amount, ChannelId, SignerKey, VoucherSignature};

/// Separates voucher signatures from anything else the same key might sign.
pub const VOUCHER_DOMAIN: [u8; 24] = *b"crt-bandwidth-voucher/v1";

/// A payer's promise: on `channel` of the bandwidth contract at `contract`, it owes the seeder
/// `cumulative` base units of the channel's asset in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct Voucher {
    /// The bandwidth contract's account.
    pub contract: AccountId,
    /// The channel.
    pub channel: ChannelId,
    /// Everything owed on the channel so far, base units of its asset.
    pub cumulative: Amount,
}

impl Voucher {
    /// The 32 bytes the payer signs: Blake2-256 of SCALE(`VOUCHER_DOMAIN`, voucher).
    pub fn signing_hash(&self) -> [u8; 32] {
        let mut hash = [0u8; 32];
        ink::env::hash_encoded::<ink::env::hash::Blake2x256, _>(&(VOUCHER_DOMAIN, self), &mut hash);
        hash
    }

    /// `secret`'s 65-byte recoverable signature of this voucher (`r`, `s`, recovery id 0 or
    /// 1): the payer's side, off chain (`signing` feature).
    #[cfg(feature = "signing")]
    pub fn sign(&self, secret: &secp256k1::SecretKey) -> VoucherSignature {
        let message = secp256k1::Message::from_digest(self.signing_hash());
        let (id, rs) = secp256k1::SECP256K1
            .sign_ecdsa_recoverable(&message, secret)
            .serialize_compact();
        let mut signature = [0u8; 65];
        signature[..64].copy_from_slice(&rs);
        // A recovery id is 0..=3; this library's signatures use 0 or 1.
        signature[64] = id.to_i32().to_le_bytes()[0];
        signature
    }

    /// The key that signed this voucher with `signature`, or `None` when the signature is
    /// malformed (a recovery id other than 0, 1, 27, 28, or no key recovers).
    pub fn signer(&self, signature: &VoucherSignature) -> Option<SignerKey> {
        if !matches!(signature[64], 0 | 1 | 27 | 28) {
            return None;
        }
        let mut key = [0u8; 33];
        ink::env::ecdsa_recover(signature, &self.signing_hash(), &mut key).ok()?;
        Some(key)
    }
}
