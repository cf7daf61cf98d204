//! # Creator Token factory
//!
//! Deploys one `crt` contract per token from a stored code hash, indexes the tokens (id,
//! symbol, address, issuer), holds governance's parameters (which tokens copy through
//! `CrtFactory::token_context`) and the frozen flag (which tokens read from the existence of the
//! live marker, see `live_switch`), and is the platform treasury that receives the tokens'
//! platform fees.
//!
//! Its own code holds what tokens call ([`CrtFactory`](crt_traits::CrtFactory) and
//! `deposit_platform_fee`); every other message is a stub that runs [`library_messages`] from the
//! factory library's code by delegate call (see `crt_logic::forward`).
#![cfg_attr(not(feature = "std"), no_std, no_main)]
// Production code only: tests compute expected values with plain arithmetic.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

pub mod errors;
pub mod events;
pub mod library_messages;
pub mod live_switch;
pub mod registry;
pub mod state;

pub use errors::Error;

pub type Balance = u128;

#[ink::contract]
pub mod factory {
    use crt_traits::{
        CrtFactory, IssuanceParams, TokenConstraints, TokenConstraintsUpdate, TokenContext, TokenId,
        TokenLibraries, TokenRecord,
    };
    use ink::prelude::{string::String, vec::Vec};

    use crate::events::{PlatformFeeReceived, TokenIssuerChanged};
    use crate::registry::Registry;
    use crate::state::FactoryState;
    pub use crate::Error;

    /// The factory's storage is one [`FactoryState`], shared with the factory library (same
    /// names, same storage keys: see `state.rs`).
    #[ink(storage)]
    pub struct Factory {
        /// All of it; see `FactoryState`.
        state: FactoryState,
    }

    impl Factory {
        /// Deploys the factory; the caller becomes governance. `token_code_hash` is the
        /// uploaded `crt` code and `token_libraries` the uploaded `crt_library`, `amm_library`
        /// and `accounts_library` code that goes with it; `factory_library_hash` is the uploaded `factory_library` code, which
        /// runs this factory's governance, issuance and query messages; `blocks_per_year` is
        /// the chain's (5 259 600 for 6-second blocks), `bloat_bond` the JOY charged per token
        /// account. Other parameters take the reference's production values (see
        /// `token_constraints`). The factory takes a delegate dependency on its library, so the
        /// library's code cannot be removed while the factory exists (and a hash with no code
        /// makes the deployment fail). `live_marker_hash` is the uploaded `live_marker` code:
        /// the factory creates the live marker from it now (the suite starts live) and pins
        /// that code too, so unfreezing can always create the marker again. Deployment fails
        /// when the token code and its libraries are not all different code, or the marker cannot
        /// be created.
        #[ink(constructor)]
        pub fn new(
            token_code_hash: Hash,
            token_libraries: TokenLibraries,
            factory_library_hash: Hash,
            live_marker_hash: Hash,
            blocks_per_year: BlockNumber,
            bloat_bond: Balance,
        ) -> Self {
            // As `set_token_code_hash`: a token delegating to its own code would call itself
            // until the call depth runs out.
            assert!(
                token_libraries.distinct_from(token_code_hash),
                "the token code and its libraries must be different code"
            );
            // Pins the library's code: pallet-contracts refuses `remove_code` while any
            // contract holds a dependency on it, and traps here if there is no such code.
            #[cfg(not(test))]
            {
                Self::env().lock_delegate_dependency(&factory_library_hash);
                Self::env().lock_delegate_dependency(&live_marker_hash);
            }
            let live_marker =
                crate::live_switch::create(live_marker_hash).expect("the live marker can be created");
            Self {
                state: FactoryState {
                    governance: Self::env().caller(),
                    pending_governance: None,
                    token_code_hash,
                    token_libraries,
                    library: factory_library_hash,
                    // Patronage divides by it.
                    blocks_per_year: blocks_per_year.max(1),
                    constraints: TokenConstraints::defaults(bloat_bond),
                    live_marker,
                    live_marker_hash,
                    registry: Registry::new(),
                },
            }
        }

        /// The index, for unit tests (the off-chain engine cannot deploy tokens).
        #[cfg(test)]
        pub(crate) fn registry_mut(&mut self) -> &mut Registry {
            &mut self.state.registry
        }

        // ---- tokens --------------------------------------------------------------------

        /// Issues a token: validates `params`, deploys a `crt` contract (salt = token id),
        /// indexes it, and makes the caller its issuer. Payable: send `bloat_bond` JOY per
        /// non-zero allocation (the token holds the bonds); the excess is refunded.
        /// Returns the token id and the token contract's address. `expected_code_hash` and
        /// `expected_libraries` are the code the issuer reviewed (`token_code_hash`,
        /// `token_libraries`): if governance changed either since, nothing is deployed.
        ///
        /// # Errors
        /// `Frozen`, `TokenCodeChanged`, `InvalidSymbol`, `SymbolTaken`, `NameTooLong`, `MetadataTooLong`,
        /// `TooManyAllocations`, `DuplicateAllocation`, `RevenueSplitRateIsZero`, `InvalidRate`,
        /// `YearlyPatronageRateLimitExceeded`, `InvalidVestingParams`, `ArithmeticOverflow`,
        /// `InsufficientBloatBond`, `TokenInstantiationFailed`, `Token(_)`, `JoyTransferFailed`.
        ///
        /// # Events
        /// `TokenIssued` here; the token emits a PSP22 `Transfer` per allocation.
        #[ink(message, payable)]
        pub fn issue_token(
            &mut self,
            params: IssuanceParams,
            expected_code_hash: Hash,
            expected_libraries: TokenLibraries,
        ) -> Result<(TokenId, AccountId), Error> {
            crt_logic::delegated!(self, issue_token(params, expected_code_hash, expected_libraries))
        }

        /// Issuer only: deissues the token `token_id` when it has no accounts left; its symbol
        /// becomes free.
        ///
        /// # Errors
        /// `Frozen`, `TokenNotFound`, `Token(NotIssuer)`,
        /// `Token(CannotDeissueWithOutstandingAccounts)`, `TokenCallFailed`.
        ///
        /// # Events
        /// `TokenRemoved` here; the token emits `TokenDeissued`.
        #[ink(message)]
        pub fn deissue_token(&mut self, token_id: TokenId) -> Result<(), Error> {
            crt_logic::delegated!(self, deissue_token(token_id))
        }

        // ---- governance ----------------------------------------------------------------

        /// Governance only: overwrites every parameter that is `Some` in `update`. Works while
        /// frozen.
        ///
        /// # Errors
        /// `NotGovernance`, `InvalidConstraints` (a fee or the deactivation threshold above its
        /// hard cap, a rate above 100 %, split window bounds out of order or above their caps).
        ///
        /// # Events
        /// `TokenConstraintsUpdated` with the full new set.
        #[ink(message)]
        pub fn update_token_constraints(&mut self, update: TokenConstraintsUpdate) -> Result<(), Error> {
            crt_logic::delegated!(self, update_token_constraints(update))
        }

        /// Governance only: freezes (`frozen` true) or unfreezes every token: while frozen, every
        /// state-changing token message and `issue_token` / `deissue_token` fail. Freezing
        /// removes the live marker, which tokens check; unfreezing creates it again (the
        /// caller pays its storage deposit, refunded when it is removed). Setting the status
        /// the suite already has changes nothing but emits the event.
        ///
        /// # Errors
        /// `NotGovernance`, `LiveMarkerUnavailable`.
        ///
        /// # Events
        /// `FrozenStatusUpdated`.
        #[ink(message)]
        pub fn set_frozen_status(&mut self, frozen: bool) -> Result<(), Error> {
            crt_logic::delegated!(self, set_frozen_status(frozen))
        }

        /// Governance only: tokens issued from now on use the (uploaded) token code `code_hash`
        /// and the library code `libraries` built with it (the two share a storage layout, so they change
        /// together). Existing tokens keep theirs. Issuers name the pair they expect in
        /// `issue_token`, so a change never surprises one whose call was already under way.
        ///
        /// # Errors
        /// `NotGovernance`, `TokenCodeIsItsOwnLibrary`.
        ///
        /// # Events
        /// `TokenCodeHashUpdated`.
        #[ink(message)]
        pub fn set_token_code_hash(
            &mut self,
            code_hash: Hash,
            libraries: TokenLibraries,
        ) -> Result<(), Error> {
            crt_logic::delegated!(self, set_token_code_hash(code_hash, libraries))
        }

        /// Governance only: proposes `new_governance` as successor (`None` withdraws the
        /// proposal).
        ///
        /// # Errors
        /// `NotGovernance`.
        ///
        /// # Events
        /// `GovernanceTransferProposed`.
        #[ink(message)]
        pub fn propose_governance(&mut self, new_governance: Option<AccountId>) -> Result<(), Error> {
            crt_logic::delegated!(self, propose_governance(new_governance))
        }

        /// The proposed successor becomes governance.
        ///
        /// # Errors
        /// `NotPendingGovernance`.
        ///
        /// # Events
        /// `GovernanceChanged`.
        #[ink(message)]
        pub fn accept_governance(&mut self) -> Result<(), Error> {
            crt_logic::delegated!(self, accept_governance())
        }

        /// Governance only: sends `amount` of collected platform fees to `to`.
        ///
        /// # Errors
        /// `NotGovernance`, `InsufficientPlatformFees`, `JoyTransferFailed`.
        ///
        /// # Events
        /// `PlatformFeesWithdrawn`.
        #[ink(message)]
        pub fn withdraw_platform_fees(&mut self, to: AccountId, amount: Balance) -> Result<(), Error> {
            crt_logic::delegated!(self, withdraw_platform_fees(to, amount))
        }

        /// Tokens pay platform fees here (anyone may; the JOY joins the treasury).
        ///
        /// # Events
        /// `PlatformFeeReceived`.
        #[ink(message, payable)]
        pub fn deposit_platform_fee(&mut self) {
            let amount = self.env().transferred_value();
            self.env().emit_event(PlatformFeeReceived {
                from: self.env().caller(),
                amount,
            });
        }

        // ---- queries -------------------------------------------------------------------

        /// The governance account.
        #[ink(message)]
        pub fn governance(&self) -> AccountId {
            crt_logic::delegated!(self, governance())
        }

        /// The proposed successor of governance, if any.
        #[ink(message)]
        pub fn pending_governance(&self) -> Option<AccountId> {
            crt_logic::delegated!(self, pending_governance())
        }

        /// The governance parameters every token follows.
        #[ink(message)]
        pub fn token_constraints(&self) -> TokenConstraints {
            crt_logic::delegated!(self, token_constraints())
        }

        /// Whether governance froze every token.
        #[ink(message)]
        pub fn is_frozen(&self) -> bool {
            crt_logic::delegated!(self, is_frozen())
        }

        /// The live marker: a contract exists at this address exactly while the suite is live
        /// (tokens check it on every state-changing message). Only this factory can remove it.
        #[ink(message)]
        pub fn live_marker(&self) -> AccountId {
            self.state.live_marker
        }

        /// Code hash new tokens are deployed from.
        #[ink(message)]
        pub fn token_code_hash(&self) -> Hash {
            crt_logic::delegated!(self, token_code_hash())
        }

        /// Library code hash new tokens delegate-call.
        #[ink(message)]
        pub fn token_libraries(&self) -> TokenLibraries {
            crt_logic::delegated!(self, token_libraries())
        }

        /// Blocks per year on this chain (patronage compounding).
        #[ink(message)]
        pub fn blocks_per_year(&self) -> BlockNumber {
            crt_logic::delegated!(self, blocks_per_year())
        }

        /// Number of live (not deissued) tokens.
        #[ink(message)]
        pub fn token_count(&self) -> u64 {
            crt_logic::delegated!(self, token_count())
        }

        /// Id the next issued token will get.
        #[ink(message)]
        pub fn next_token_id(&self) -> TokenId {
            crt_logic::delegated!(self, next_token_id())
        }

        /// The live token with id `token_id`.
        #[ink(message)]
        pub fn token(&self, token_id: TokenId) -> Option<TokenRecord> {
            crt_logic::delegated!(self, token(token_id))
        }

        /// The live token with this `symbol`, compared case-insensitively.
        #[ink(message)]
        pub fn token_by_symbol(&self, symbol: String) -> Option<TokenRecord> {
            crt_logic::delegated!(self, token_by_symbol(symbol))
        }

        /// The live token whose contract is at `address`.
        #[ink(message)]
        pub fn token_by_address(&self, address: AccountId) -> Option<TokenRecord> {
            crt_logic::delegated!(self, token_by_address(address))
        }

        /// Live tokens with ids from `start` to `start + limit` (excluded); `limit` ≤ 50.
        ///
        /// # Errors
        /// `PageTooLarge`.
        #[ink(message)]
        pub fn list_tokens(&self, start: TokenId, limit: u32) -> Result<Vec<TokenRecord>, Error> {
            crt_logic::delegated!(self, list_tokens(start, limit))
        }

        /// `issuer`'s tokens at positions from `offset` to `offset + limit` (excluded);
        /// `limit` ≤ 50.
        ///
        /// # Errors
        /// `PageTooLarge`.
        #[ink(message)]
        pub fn tokens_of_issuer(
            &self,
            issuer: AccountId,
            offset: u32,
            limit: u32,
        ) -> Result<Vec<TokenRecord>, Error> {
            crt_logic::delegated!(self, tokens_of_issuer(issuer, offset, limit))
        }

        /// How many live tokens `issuer` holds the issuer role of.
        #[ink(message)]
        pub fn issuer_token_count(&self, issuer: AccountId) -> u32 {
            crt_logic::delegated!(self, issuer_token_count(issuer))
        }

        /// Platform fees governance can withdraw: the factory's transferable balance
        /// (pallet-contracts reports it without the existential deposit, which stays).
        #[ink(message)]
        pub fn platform_fees_available(&self) -> Balance {
            crt_logic::delegated!(self, platform_fees_available())
        }
    }

    impl CrtFactory for Factory {
        /// The frozen flag, the governance parameters and blocks per year: what a token copies
        /// when it is synced (`sync_constraints`).
        #[ink(message)]
        fn token_context(&self) -> TokenContext {
            TokenContext {
                frozen: self.state.is_frozen(),
                constraints: self.state.constraints,
                blocks_per_year: self.state.blocks_per_year,
            }
        }

        /// Token only: moves the token `token_id` to `new_issuer` in the index.
        ///
        /// # Events
        /// `TokenIssuerChanged`.
        #[ink(message)]
        fn record_issuer_change(&mut self, token_id: TokenId, new_issuer: AccountId) -> bool {
            match self.state.registry.token(token_id) {
                Some(record) if record.address == self.env().caller() => {
                    self.state.registry.change_issuer(token_id, new_issuer);
                    self.env().emit_event(TokenIssuerChanged { token_id, new_issuer });
                    true
                }
                _ => false,
            }
        }
    }
}

#[cfg(test)]
mod tests;
