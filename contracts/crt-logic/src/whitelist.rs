//! Permissioned tokens: joining the whitelist with a Merkle proof, and the one-way switch to
//! permissionless.

use crt_core::bonds::settle;
use crt_core::merkle::{leaf_of, verify, Hash, Hasher, ProofStep, MAX_PROOF_LEN};
use crt_traits::TransferPolicy;
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::accounts::AccountData;
use crate::data::TokenData;
use crate::errors::Error;
use crate::events::{Effects, MemberJoinedWhitelist, TransferPolicyChangedToPermissionless};
use crate::Balance;

/// The host's Blake2x256 (the same function as `crt_core::merkle::Blake2x256` off chain).
pub struct HostBlake2x256;

impl Hasher for HostBlake2x256 {
    fn hash(data: &[u8]) -> Hash {
        let mut out = [0u8; 32];
        ink::env::hash_bytes::<ink::env::hash::Blake2x256>(data, &mut out);
        out
    }
}

impl TokenData {
    /// Creates the caller's (empty) account on a permissioned token, given a proof that the
    /// caller is in the whitelist. `paid` covers the bond; the rest is refunded.
    pub fn join_whitelist(
        &mut self,
        caller: AccountId,
        paid: Balance,
        bond: Balance,
        proof: Vec<ProofStep>,
    ) -> Result<Effects, Error> {
        let TransferPolicy::Permissioned(root) = self.info.transfer_policy else {
            return Err(Error::NotPermissioned);
        };
        if self.is_account(caller) {
            return Err(Error::AccountAlreadyExists);
        }
        if proof.len() > MAX_PROOF_LEN {
            return Err(Error::MerkleProofTooLong);
        }
        let leaf = leaf_of::<HostBlake2x256, _>(&caller);
        if !verify::<HostBlake2x256>(&root.into(), leaf, &proof) {
            return Err(Error::MerkleProofVerificationFailure);
        }
        let refund = settle(paid, bond).map_err(|_| Error::InsufficientBloatBond)?;
        let mut fx = Effects::new().event(MemberJoinedWhitelist { account: caller });
        self.save_account(caller, &AccountData::with_bond(bond), true, caller, &mut fx)?;
        fx.pay(caller, refund);
        Ok(fx)
    }

    /// Issuer: makes the token permissionless, for good.
    pub fn change_to_permissionless(&mut self, caller: AccountId) -> Result<Effects, Error> {
        self.ensure_issuer(caller)?;
        if !self.is_permissioned() {
            return Err(Error::AlreadyPermissionless);
        }
        self.info.transfer_policy = TransferPolicy::Permissionless;
        Ok(Effects::new().event(TransferPolicyChangedToPermissionless { issuer: caller }))
    }
}
