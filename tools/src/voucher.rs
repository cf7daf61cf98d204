//! The off-chain side of bandwidth channels, as a downloader's and a seeder's client embed it:
//! generate a signer key, sign a voucher, verify one. A voucher says "on channel `channel` of
//! the bandwidth contract at `contract`, I owe `cumulative` in all"; the payer signs the
//! Blake2-256 hash of its SCALE encoding (`bandwidth_logic::voucher::Voucher::signing_hash`,
//! the very function the contract checks against) with ECDSA over secp256k1, and the contract
//! recovers the key with the chain's `ecdsa_recover`.

use bandwidth_logic::channel::{SignerKey, VoucherSignature};
use bandwidth_logic::voucher::Voucher;
use secp256k1::ecdsa::{RecoverableSignature, RecoveryId};
use secp256k1::{Message, PublicKey, SecretKey, SECP256K1};

/// A new random signer key (from the operating system's random source) and its compressed
/// public key, the `signer` a channel is opened with.
pub fn generate() -> Result<(SecretKey, SignerKey), String> {
    loop {
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes).map_err(|e| format!("no random source: {e}"))?;
        // Nearly every 32-byte string is a valid key; draw again in the rare other case.
        if let Ok(secret) = SecretKey::from_slice(&bytes) {
            return Ok((secret, public_key(&secret)));
        }
    }
}

/// The compressed public key of `secret`.
pub fn public_key(secret: &SecretKey) -> SignerKey {
    PublicKey::from_secret_key(SECP256K1, secret).serialize()
}

/// `secret`'s 65-byte signature of `voucher` (`r`, `s`, recovery id 0 or 1).
pub fn sign(secret: &SecretKey, voucher: &Voucher) -> VoucherSignature {
    voucher.sign(secret)
}

/// Whether `signature` is `signer`'s signature of `voucher`, as the contract decides it (a
/// recovery id of 27 or 28 counts as 0 or 1). Malformed signatures are simply not valid.
pub fn verify(voucher: &Voucher, signature: &VoucherSignature, signer: &SignerKey) -> bool {
    let recovery = match signature[64] {
        v @ (0 | 1) => v,
        v @ (27 | 28) => v - 27,
        _ => return false,
    };
    let Ok(id) = RecoveryId::from_i32(i32::from(recovery)) else {
        return false;
    };
    let Ok(recoverable) = RecoverableSignature::from_compact(&signature[..64], id) else {
        return false;
    };
    let message = Message::from_digest(voucher.signing_hash());
    SECP256K1
        .recover_ecdsa(&message, &recoverable)
        .is_ok_and(|key| key.serialize() == *signer)
}

/// `0x`-prefixed lowercase hex.
pub fn to_hex(bytes: &[u8]) -> String {
    format!("0x{}", hex::encode(bytes))
}

/// Exactly `N` bytes from hex (with or without `0x`).
pub fn from_hex<const N: usize>(text: &str) -> Result<[u8; N], String> {
    let bytes = hex::decode(text.trim().trim_start_matches("0x")).map_err(|e| format!("`{text}`: {e}"))?;
    bytes
        .try_into()
        .map_err(|b: Vec<u8>| format!("`{text}`: {} bytes, expected {N}", b.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ink::primitives::AccountId;

    fn voucher(cumulative: u128) -> Voucher {
        Voucher {
            contract: AccountId::from([7; 32]),
            channel: 3,
            cumulative,
        }
    }

    #[test]
    fn a_signed_voucher_verifies_for_its_key_only() {
        let (secret, signer) = generate().expect("a key");
        let (_, other) = generate().expect("another key");
        let signature = sign(&secret, &voucher(500));
        assert!(verify(&voucher(500), &signature, &signer));
        assert!(!verify(&voucher(501), &signature, &signer));
        assert!(!verify(&voucher(500), &signature, &other));
        let mut eth_style = signature;
        eth_style[64] += 27;
        assert!(verify(&voucher(500), &eth_style, &signer));
        let mut malformed = signature;
        malformed[64] = 9;
        assert!(!verify(&voucher(500), &malformed, &signer));
        assert!(!verify(&voucher(500), &[0xFF; 65], &signer));
    }

    #[test]
    fn hex_round_trips_and_checks_lengths() {
        let (secret, signer) = generate().expect("a key");
        assert_eq!(from_hex::<33>(&to_hex(&signer)), Ok(signer));
        assert_eq!(
            from_hex::<32>(&to_hex(&secret.secret_bytes())),
            Ok(secret.secret_bytes())
        );
        assert!(from_hex::<32>("0x1234")
            .unwrap_err()
            .contains("2 bytes, expected 32"));
        assert!(from_hex::<32>("0xzz").is_err());
    }
}
