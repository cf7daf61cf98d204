//! The issuer's Merkle tool: from a list of accounts (SS58, each with an optional cap) to the
//! root and every member's proof, in the exact shapes `join_whitelist(proof)` and
//! `purchase_tokens_on_sale(amount, Some(SaleAccessProof { cap, proof }))` take.
//!
//! Token whitelists commit to the account alone (leaf = Blake2-256 of its 32 bytes); sale
//! whitelists commit to `(account, cap)` (leaf = Blake2-256 of the SCALE pair), so a buyer
//! cannot claim a larger cap than the issuer listed.

use crt_core::merkle::{leaf_of, Blake2x256, MerkleTree, ProofStep, Side};
use ink::primitives::AccountId;
use ink_sandbox::frame_support::sp_runtime::AccountId32;
use ink_sandbox::Ss58Codec;

/// One listed account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub account: AccountId,
    pub cap: Option<u128>,
}

/// What the tool writes: the root and each member's proof.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Whitelist {
    pub root: [u8; 32],
    pub proofs: Vec<(Member, Vec<ProofStep>)>,
}

/// Which leaves to commit to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A permissioned token's whitelist (`join_whitelist`): leaves are accounts; caps ignored.
    Token,
    /// A sale's whitelist: leaves are `(account, cap)`.
    Sale,
}

/// Parses `SS58 [cap]` lines; blank lines and `#` comments are skipped.
pub fn parse(text: &str) -> Result<Vec<Member>, String> {
    let mut members = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace();
        let address = words.next().unwrap_or("");
        let account = AccountId32::from_ss58check(address)
            .map_err(|e| format!("line {}: `{address}` is not an SS58 address ({e:?})", n + 1))?;
        let cap = match words.next() {
            Some(word) => Some(
                word.parse::<u128>()
                    .map_err(|e| format!("line {}: cap `{word}`: {e}", n + 1))?,
            ),
            None => None,
        };
        if words.next().is_some() {
            return Err(format!("line {}: expected `SS58 [cap]`", n + 1));
        }
        let bytes: [u8; 32] = *account.as_ref();
        members.push(Member {
            account: AccountId::from(bytes),
            cap,
        });
    }
    Ok(members)
}

/// Builds the tree; `None` for an empty list.
pub fn build(members: &[Member], kind: Kind) -> Option<Whitelist> {
    let leaves = members
        .iter()
        .map(|m| match kind {
            Kind::Token => leaf_of::<Blake2x256, _>(&m.account),
            Kind::Sale => leaf_of::<Blake2x256, _>(&(m.account, m.cap)),
        })
        .collect();
    let tree = MerkleTree::new::<Blake2x256>(leaves)?;
    let proofs = members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.clone(), tree.proof(i).unwrap_or_default()))
        .collect();
    Some(Whitelist {
        root: tree.root(),
        proofs,
    })
}

fn hex(bytes: &[u8]) -> String {
    let digits: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("0x{digits}")
}

/// The whitelist as JSON: `{"root": "0x…", "members": [{"account": "<ss58>", "cap": n|null,
/// "proof": [{"hash": "0x…", "side": "Left"|"Right"}]}]}` — the argument shapes Contracts UI
/// and polkadot.js accept for `Vec<ProofStep>`.
pub fn to_json(list: &Whitelist) -> String {
    let members: Vec<String> = list
        .proofs
        .iter()
        .map(|(m, proof)| {
            let steps: Vec<String> = proof
                .iter()
                .map(|s| {
                    let side = if s.side == Side::Left { "Left" } else { "Right" };
                    format!("{{\"hash\": \"{}\", \"side\": \"{side}\"}}", hex(&s.hash))
                })
                .collect();
            let bytes: [u8; 32] = *m.account.as_ref();
            let cap = m.cap.map(|c| c.to_string()).unwrap_or_else(|| "null".into());
            format!(
                "    {{\"account\": \"{}\", \"cap\": {cap}, \"proof\": [{}]}}",
                AccountId32::from(bytes).to_ss58check(),
                steps.join(", ")
            )
        })
        .collect();
    format!(
        "{{\n  \"root\": \"{}\",\n  \"members\": [\n{}\n  ]\n}}\n",
        hex(&list.root),
        members.join(",\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crt_core::merkle::verify;

    const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    #[test]
    fn parses_addresses_caps_and_comments() {
        let members = parse(&format!("# fans\n{ALICE} 500\n\n{BOB}\n")).unwrap();
        assert_eq!(members.len(), 2);
        assert_eq!(members[0].cap, Some(500));
        assert_eq!(members[1].cap, None);
        assert_eq!(
            members[0].account,
            AccountId::from(ink_e2e::alice().public_key().0)
        );
        assert!(parse("not-an-address").is_err());
        assert!(parse(&format!("{ALICE} lots")).is_err());
        assert!(parse(&format!("{ALICE} 1 2")).is_err());
    }

    #[test]
    fn proofs_verify_for_both_kinds_and_json_lists_them() {
        let members = parse(&format!("{ALICE} 500\n{BOB}\n")).unwrap();
        let token = build(&members, Kind::Token).unwrap();
        let sale = build(&members, Kind::Sale).unwrap();
        assert_ne!(token.root, sale.root);
        for (m, proof) in &token.proofs {
            assert!(verify::<Blake2x256>(
                &token.root,
                leaf_of::<Blake2x256, _>(&m.account),
                proof
            ));
        }
        for (m, proof) in &sale.proofs {
            assert!(verify::<Blake2x256>(
                &sale.root,
                leaf_of::<Blake2x256, _>(&(m.account, m.cap)),
                proof
            ));
        }
        let json = to_json(&sale);
        assert!(json.contains(ALICE) && json.contains("\"cap\": 500") && json.contains("\"cap\": null"));
        assert!(build(&[], Kind::Token).is_none());
    }
}
