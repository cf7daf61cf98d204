//! Events of the factory.

use crt_traits::TokenLibraries;
use crt_traits::{Balance, CodeHash, TokenAmount, TokenConstraints, TokenId};
use ink::primitives::AccountId;

/// A token was issued and indexed.
#[ink::event]
pub struct TokenIssued {
    /// The token's id in the registry.
    #[ink(topic)]
    pub token_id: TokenId,
    /// The token contract.
    #[ink(topic)]
    pub token: AccountId,
    /// The creator.
    #[ink(topic)]
    pub issuer: AccountId,
    /// The token's symbol.
    pub symbol: ink::prelude::string::String,
    /// Tokens allocated at issuance, base units.
    pub initial_supply: TokenAmount,
    /// Accounts the allocation created.
    pub accounts_created: u32,
}

/// A token was deissued; its symbol is free again.
#[ink::event]
pub struct TokenRemoved {
    /// The token's id.
    #[ink(topic)]
    pub token_id: TokenId,
    /// The token contract.
    #[ink(topic)]
    pub token: AccountId,
}

/// A token's issuer role changed hands.
#[ink::event]
pub struct TokenIssuerChanged {
    /// The token's id.
    #[ink(topic)]
    pub token_id: TokenId,
    /// The issuer now.
    #[ink(topic)]
    pub new_issuer: AccountId,
}

/// Governance changed the parameters tokens apply (each token copies them with
/// `sync_constraints`).
#[ink::event]
pub struct TokenConstraintsUpdated {
    /// The parameters now.
    pub constraints: TokenConstraints,
}

/// Governance froze or unfroze the suite.
#[ink::event]
pub struct FrozenStatusUpdated {
    /// Whether state-changing token and factory messages are refused now.
    pub frozen: bool,
}

/// Tokens issued from now on use this code and library code.
#[ink::event]
pub struct TokenCodeHashUpdated {
    /// The token's code.
    pub code_hash: CodeHash,
    /// The library code new tokens delegate to.
    pub libraries: TokenLibraries,
}

/// Governance proposed a successor (`None`: proposal withdrawn).
#[ink::event]
pub struct GovernanceTransferProposed {
    /// Governance now.
    #[ink(topic)]
    pub governance: AccountId,
    /// The account that may accept the role (`None`: no one may).
    pub proposed: Option<AccountId>,
}

/// The proposed governance accepted the role.
#[ink::event]
pub struct GovernanceChanged {
    /// Governance before.
    #[ink(topic)]
    pub previous: AccountId,
    /// Governance now.
    #[ink(topic)]
    pub new: AccountId,
}

/// A token paid a platform fee into the treasury.
#[ink::event]
pub struct PlatformFeeReceived {
    /// The paying token contract.
    #[ink(topic)]
    pub from: AccountId,
    /// The fee, JOY base units.
    pub amount: Balance,
}

/// Governance withdrew platform fees from the treasury.
#[ink::event]
pub struct PlatformFeesWithdrawn {
    /// The receiving account.
    #[ink(topic)]
    pub to: AccountId,
    /// JOY withdrawn, base units.
    pub amount: Balance,
}
