//! Merkle whitelist proofs, as the Joystream pallet checks them: Blake2-256, explicit sibling sides.
//!
//! A leaf is the hash of the SCALE encoding of what is whitelisted (for an account: its 32
//! bytes). A node is `H(left ‖ right)`. Leaves hash 32 or fewer bytes and nodes exactly 64,
//! so a node can never be presented as a leaf.

#[cfg(feature = "std")]
use alloc::vec::Vec;
use scale::{Decode, Encode};
use scale_info::TypeInfo;

pub type Hash = [u8; 32];

/// Longest proof accepted: enough for 2^32 leaves, short enough to bound the gas of a join.
pub const MAX_PROOF_LEN: usize = 32;

/// Which side the sibling sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub enum Side {
    /// The sibling is the left input of the pair hash.
    Left,
    /// The sibling is the right input of the pair hash.
    Right,
}

/// One step from a leaf towards the root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ProofStep {
    /// The sibling node's hash.
    pub hash: Hash,
    /// Where the sibling goes when the pair is hashed.
    pub side: Side,
}

/// The 256-bit hash the tree is built with. Contracts use the host's Blake2x256.
pub trait Hasher {
    fn hash(data: &[u8]) -> Hash;
}

/// `H(left ‖ right)` without allocating.
pub fn hash_pair<H: Hasher>(left: &Hash, right: &Hash) -> Hash {
    let mut buf = [0u8; 64];
    let (l, r) = buf.split_at_mut(32);
    l.copy_from_slice(left);
    r.copy_from_slice(right);
    H::hash(&buf)
}

/// The root a proof leads to from `leaf`.
pub fn compute_root<H: Hasher>(leaf: Hash, proof: &[ProofStep]) -> Hash {
    proof.iter().fold(leaf, |acc, step| match step.side {
        Side::Left => hash_pair::<H>(&step.hash, &acc),
        Side::Right => hash_pair::<H>(&acc, &step.hash),
    })
}

/// Whether `proof` links `leaf` to `root`. Proofs longer than [`MAX_PROOF_LEN`] never verify.
pub fn verify<H: Hasher>(root: &Hash, leaf: Hash, proof: &[ProofStep]) -> bool {
    proof.len() <= MAX_PROOF_LEN && compute_root::<H>(leaf, proof) == *root
}

/// The leaf of a SCALE-encodable value (an account id, or `(account, cap)` for sales).
pub fn leaf_of<H: Hasher, T: Encode>(value: &T) -> Hash {
    value.using_encoded(H::hash)
}

/// Blake2b with a 256-bit output: the same function as ink!'s `Blake2x256`.
#[cfg(feature = "std")]
pub struct Blake2x256;

#[cfg(feature = "std")]
impl Hasher for Blake2x256 {
    fn hash(data: &[u8]) -> Hash {
        use blake2::digest::{consts::U32, Digest};
        let mut out = [0u8; 32];
        out.copy_from_slice(&blake2::Blake2b::<U32>::digest(data));
        out
    }
}

/// Off-chain tree over leaves in list order; an odd node at any level is paired with itself.
#[cfg(feature = "std")]
pub struct MerkleTree {
    levels: Vec<Vec<Hash>>,
}

#[cfg(feature = "std")]
impl MerkleTree {
    /// Builds the tree; `None` for an empty list.
    pub fn new<H: Hasher>(leaves: Vec<Hash>) -> Option<Self> {
        if leaves.is_empty() {
            return None;
        }
        let mut levels = vec![leaves];
        while levels.last().map_or(0, Vec::len) > 1 {
            let level = levels.last()?;
            let next = level
                .chunks(2)
                .map(|pair| hash_pair::<H>(&pair[0], pair.get(1).unwrap_or(&pair[0])))
                .collect();
            levels.push(next);
        }
        Some(Self { levels })
    }

    pub fn root(&self) -> Hash {
        self.levels
            .last()
            .and_then(|l| l.first())
            .copied()
            .unwrap_or_default()
    }

    /// The proof of the leaf at `index`, or `None` past the end.
    pub fn proof(&self, index: usize) -> Option<Vec<ProofStep>> {
        self.levels.first()?.get(index)?;
        let mut proof = Vec::new();
        let mut i = index;
        for level in self.levels.iter().take(self.levels.len().saturating_sub(1)) {
            let sibling_index = i ^ 1;
            let sibling = *level.get(sibling_index).unwrap_or(&level[i]);
            let side = if i % 2 == 0 { Side::Right } else { Side::Left };
            proof.push(ProofStep { hash: sibling, side });
            i /= 2;
        }
        Some(proof)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn account(n: u8) -> [u8; 32] {
        [n; 32]
    }

    #[test]
    fn blake2x256_matches_known_vector() {
        // Blake2b-256 of the empty input.
        let expected = "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8";
        let got: String = Blake2x256::hash(b"").iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn every_proof_verifies_and_foreign_proofs_do_not() {
        let leaves: Vec<Hash> = (0..7).map(|n| leaf_of::<Blake2x256, _>(&account(n))).collect();
        let tree = MerkleTree::new::<Blake2x256>(leaves.clone()).unwrap();
        for (i, leaf) in leaves.iter().enumerate() {
            let proof = tree.proof(i).unwrap();
            assert_eq!(proof.len(), 3);
            assert!(verify::<Blake2x256>(&tree.root(), *leaf, &proof));
            // Another leaf with this proof fails.
            let other = leaves[(i + 1) % leaves.len()];
            assert!(!verify::<Blake2x256>(&tree.root(), other, &proof));
        }
        let outsider = leaf_of::<Blake2x256, _>(&account(42));
        assert!(!verify::<Blake2x256>(
            &tree.root(),
            outsider,
            &tree.proof(0).unwrap()
        ));
        assert!(tree.proof(7).is_none());
    }

    #[test]
    fn single_leaf_tree_has_an_empty_proof() {
        let leaf = leaf_of::<Blake2x256, _>(&account(1));
        let tree = MerkleTree::new::<Blake2x256>(vec![leaf]).unwrap();
        assert_eq!(tree.root(), leaf);
        assert!(tree.proof(0).unwrap().is_empty());
        assert!(verify::<Blake2x256>(&leaf, leaf, &[]));
        assert!(MerkleTree::new::<Blake2x256>(vec![]).is_none());
    }

    #[test]
    fn overlong_proofs_are_refused() {
        let leaf = leaf_of::<Blake2x256, _>(&account(1));
        let proof = vec![
            ProofStep {
                hash: [0; 32],
                side: Side::Left
            };
            MAX_PROOF_LEN + 1
        ];
        let root = compute_root::<Blake2x256>(leaf, &proof);
        assert!(!verify::<Blake2x256>(&root, leaf, &proof));
    }

    proptest! {
        #[test]
        fn proofs_verify_for_any_tree(n in 1usize..200, pick in any::<prop::sample::Index>()) {
            let leaves: Vec<Hash> = (0..n).map(|i| leaf_of::<Blake2x256, _>(&(i as u64))).collect();
            let tree = MerkleTree::new::<Blake2x256>(leaves.clone()).unwrap();
            let i = pick.index(n);
            let proof = tree.proof(i).unwrap();
            prop_assert!(verify::<Blake2x256>(&tree.root(), leaves[i], &proof));
            let mut tampered = proof.clone();
            if let Some(step) = tampered.first_mut() {
                step.hash[0] ^= 1;
                prop_assert!(!verify::<Blake2x256>(&tree.root(), leaves[i], &tampered));
            }
        }
    }
}
