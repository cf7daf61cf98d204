//! Events of the factory.

use crt_traits::TokenLibraries;
use crt_traits::{CodeHash, TokenConstraints, TokenId};
use ink::primitives::AccountId;

/// A token was issued and indexed.
#[ink::event]
pub struct TokenIssued {
    #[ink(topic)]
    pub token_id: TokenId,
    #[ink(topic)]
    pub token: AccountId,
    #[ink(topic)]
    pub issuer: AccountId,
    pub symbol: ink::prelude::string::String,
    pub initial_supply: u128,
    pub accounts_created: u32,
}

/// A token was deissued; its symbol is free again.
#[ink::event]
pub struct TokenRemoved {
    #[ink(topic)]
    pub token_id: TokenId,
    #[ink(topic)]
    pub token: AccountId,
}

/// A token's issuer role changed hands.
#[ink::event]
pub struct TokenIssuerChanged {
    #[ink(topic)]
    pub token_id: TokenId,
    #[ink(topic)]
    pub new_issuer: AccountId,
}

#[ink::event]
pub struct TokenConstraintsUpdated {
    pub constraints: TokenConstraints,
}

#[ink::event]
pub struct FrozenStatusUpdated {
    pub frozen: bool,
}

/// Tokens issued from now on use this code and library code.
#[ink::event]
pub struct TokenCodeHashUpdated {
    pub code_hash: CodeHash,
    pub libraries: TokenLibraries,
}

/// Governance proposed a successor (`None`: proposal withdrawn).
#[ink::event]
pub struct GovernanceTransferProposed {
    #[ink(topic)]
    pub governance: AccountId,
    pub proposed: Option<AccountId>,
}

#[ink::event]
pub struct GovernanceChanged {
    #[ink(topic)]
    pub previous: AccountId,
    #[ink(topic)]
    pub new: AccountId,
}

/// A token paid a platform fee into the treasury.
#[ink::event]
pub struct PlatformFeeReceived {
    #[ink(topic)]
    pub from: AccountId,
    pub amount: u128,
}

#[ink::event]
pub struct PlatformFeesWithdrawn {
    #[ink(topic)]
    pub to: AccountId,
    pub amount: u128,
}
