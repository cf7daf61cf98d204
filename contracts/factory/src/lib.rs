//! # Creator Token factory
//!
//! Deploys one `crt` contract per token from a stored code hash, indexes the tokens (id,
//! symbol, address, issuer), holds governance's parameters and frozen flag (which every token
//! reads through `CrtFactory::token_context`), and is the platform treasury that receives the
//! tokens' platform fees.
#![cfg_attr(not(feature = "std"), no_std, no_main)]
#![deny(clippy::arithmetic_side_effects)]

pub mod errors;
pub mod events;
pub mod registry;

pub use errors::Error;

#[ink::contract]
pub mod factory {
    use crt::crt::CrtRef;
    use crt_core::bonds::{bonds_for, settle};
    use crt_traits::{
        symbol_key, CrtFactory, IssuanceParams, TokenConstraints, TokenConstraintsUpdate, TokenContext,
        TokenId, TokenRecord,
    };
    use ink::codegen::TraitCallBuilder;
    use ink::prelude::{string::String, vec::Vec};

    use crate::events::{
        FrozenStatusUpdated, GovernanceChanged, GovernanceTransferProposed, PlatformFeeReceived,
        PlatformFeesWithdrawn, TokenCodeHashUpdated, TokenConstraintsUpdated, TokenIssued,
        TokenIssuerChanged, TokenRemoved,
    };
    use crate::registry::{Registry, MAX_PAGE};
    pub use crate::Error;

    #[ink(storage)]
    pub struct Factory {
        governance: AccountId,
        pending_governance: Option<AccountId>,
        token_code_hash: Hash,
        /// The library code tokens delegate-call (sale, AMM, split, patronage, burn); it
        /// goes with `token_code_hash`, whose storage layout it shares.
        token_library_hash: Hash,
        blocks_per_year: BlockNumber,
        constraints: TokenConstraints,
        frozen: bool,
        registry: Registry,
    }

    impl Factory {
        /// Deploys the factory; the caller becomes governance. `token_code_hash` is the
        /// uploaded `crt` code and `token_library_hash` the uploaded `crt_library` code that
        /// goes with it, `blocks_per_year` the chain's (5 259 600 for 6-second blocks),
        /// `bloat_bond` the JOY charged per token account. Other parameters take the
        /// reference's production values (see `token_constraints`).
        #[ink(constructor)]
        pub fn new(
            token_code_hash: Hash,
            token_library_hash: Hash,
            blocks_per_year: BlockNumber,
            bloat_bond: Balance,
        ) -> Self {
            Self {
                governance: Self::env().caller(),
                pending_governance: None,
                token_code_hash,
                token_library_hash,
                // Patronage divides by it.
                blocks_per_year: blocks_per_year.max(1),
                constraints: TokenConstraints::defaults(bloat_bond),
                frozen: false,
                registry: Registry::new(),
            }
        }

        fn ensure_governance(&self) -> Result<(), Error> {
            if self.env().caller() != self.governance {
                return Err(Error::NotGovernance);
            }
            Ok(())
        }

        fn ensure_not_frozen(&self) -> Result<(), Error> {
            if self.frozen {
                return Err(Error::Frozen);
            }
            Ok(())
        }

        /// The index, for unit tests (the off-chain engine cannot deploy tokens).
        #[cfg(test)]
        pub(crate) fn registry_mut(&mut self) -> &mut Registry {
            &mut self.registry
        }

        fn live_token(&self, token_id: TokenId) -> Result<TokenRecord, Error> {
            self.registry.token(token_id).ok_or(Error::TokenNotFound)
        }

        // ---- tokens --------------------------------------------------------------------

        /// Issues a token: validates `params`, deploys a `crt` contract (salt = token id),
        /// indexes it, and makes the caller its issuer. Payable: send `bloat_bond` JOY per
        /// non-zero allocation (the token holds the bonds); the excess is refunded.
        /// Returns the token id and the token contract's address.
        ///
        /// # Errors
        /// `Frozen`, `InvalidSymbol`, `SymbolTaken`, `NameTooLong`, `MetadataTooLong`,
        /// `TooManyAllocations`, `DuplicateAllocation`, `RevenueSplitRateIsZero`, `InvalidRate`,
        /// `YearlyPatronageRateLimitExceeded`, `InvalidVestingParams`, `ArithmeticOverflow`,
        /// `InsufficientBloatBond`, `TokenInstantiationFailed`, `Token(_)`, `JoyTransferFailed`.
        ///
        /// # Events
        /// `TokenIssued` here; the token emits a PSP22 `Transfer` per allocation.
        #[ink(message, payable)]
        pub fn issue_token(&mut self, params: IssuanceParams) -> Result<(TokenId, AccountId), Error> {
            self.ensure_not_frozen()?;
            let accounts = params.validate(&self.constraints)?;
            let key = symbol_key(&params.symbol).ok_or(Error::InvalidSymbol)?;
            if self.registry.is_symbol_taken(&key) {
                return Err(Error::SymbolTaken);
            }
            let bond = self.constraints.bloat_bond;
            let owed = bonds_for(accounts, bond).map_err(|_| Error::ArithmeticOverflow)?;
            let refund =
                settle(self.env().transferred_value(), owed).map_err(|_| Error::InsufficientBloatBond)?;
            let issuer = self.env().caller();
            let token_id = self.registry.next_token_id;
            let symbol = params.symbol.clone();
            let initial_supply = params.initial_supply();
            let token = CrtRef::new(
                token_id,
                issuer,
                params,
                bond,
                self.blocks_per_year,
                self.token_library_hash,
            )
            .code_hash(self.token_code_hash)
                .endowment(owed)
                .salt_bytes(token_id.to_le_bytes())
                .try_instantiate();
            let token = match token {
                Ok(Ok(Ok(token))) => token,
                Ok(Ok(Err(e))) => return Err(Error::Token(e)),
                _ => return Err(Error::TokenInstantiationFailed),
            };
            let address = ink::ToAccountId::<Environment>::to_account_id(&token);
            self.registry
                .insert(address, symbol.clone(), issuer, self.env().block_number());
            if refund > 0 {
                self.env()
                    .transfer(issuer, refund)
                    .map_err(|_| Error::JoyTransferFailed)?;
            }
            self.env().emit_event(TokenIssued {
                token_id,
                token: address,
                issuer,
                symbol,
                initial_supply,
                accounts_created: accounts,
            });
            Ok((token_id, address))
        }

        /// Issuer only: deissues a token that has no accounts left; its symbol becomes free.
        ///
        /// # Errors
        /// `Frozen`, `TokenNotFound`, `Token(NotIssuer)`,
        /// `Token(CannotDeissueWithOutstandingAccounts)`, `TokenCallFailed`.
        ///
        /// # Events
        /// `TokenRemoved` here; the token emits `TokenDeissued`.
        #[ink(message)]
        pub fn deissue_token(&mut self, token_id: TokenId) -> Result<(), Error> {
            self.ensure_not_frozen()?;
            let record = self.live_token(token_id)?;
            let mut token: CrtRef = ink::env::call::FromAccountId::from_account_id(record.address);
            match token.call_mut().deissue(self.env().caller()).try_invoke() {
                Ok(Ok(Ok(()))) => {}
                Ok(Ok(Err(e))) => return Err(Error::Token(e)),
                _ => return Err(Error::TokenCallFailed),
            }
            self.registry.remove(token_id);
            self.env().emit_event(TokenRemoved {
                token_id,
                token: record.address,
            });
            Ok(())
        }

        // ---- governance ----------------------------------------------------------------

        /// Governance only: overwrites every `Some` parameter. Works while frozen.
        ///
        /// # Errors
        /// `NotGovernance`, `InvalidConstraints` (a rate above 100 %).
        ///
        /// # Events
        /// `TokenConstraintsUpdated` with the full new set.
        #[ink(message)]
        pub fn update_token_constraints(&mut self, update: TokenConstraintsUpdate) -> Result<(), Error> {
            self.ensure_governance()?;
            let constraints = self.constraints.updated(&update);
            if !constraints.rates_are_valid() {
                return Err(Error::InvalidConstraints);
            }
            self.constraints = constraints;
            self.env().emit_event(TokenConstraintsUpdated { constraints });
            Ok(())
        }

        /// Governance only: freezes (or unfreezes) every token: while frozen, every
        /// state-changing token message and `issue_token` / `deissue_token` fail.
        ///
        /// # Errors
        /// `NotGovernance`.
        ///
        /// # Events
        /// `FrozenStatusUpdated`.
        #[ink(message)]
        pub fn set_frozen_status(&mut self, frozen: bool) -> Result<(), Error> {
            self.ensure_governance()?;
            self.frozen = frozen;
            self.env().emit_event(FrozenStatusUpdated { frozen });
            Ok(())
        }

        /// Governance only: tokens issued from now on use this (uploaded) token code and the
        /// library code built with it (the two share a storage layout, so they change
        /// together). Existing tokens keep theirs.
        ///
        /// # Errors
        /// `NotGovernance`.
        ///
        /// # Events
        /// `TokenCodeHashUpdated`.
        #[ink(message)]
        pub fn set_token_code_hash(&mut self, code_hash: Hash, library_code_hash: Hash) -> Result<(), Error> {
            self.ensure_governance()?;
            self.token_code_hash = code_hash;
            self.token_library_hash = library_code_hash;
            self.env().emit_event(TokenCodeHashUpdated {
                code_hash,
                library_code_hash,
            });
            Ok(())
        }

        /// Governance only: proposes a successor (`None` withdraws the proposal).
        ///
        /// # Errors
        /// `NotGovernance`.
        ///
        /// # Events
        /// `GovernanceTransferProposed`.
        #[ink(message)]
        pub fn propose_governance(&mut self, new_governance: Option<AccountId>) -> Result<(), Error> {
            self.ensure_governance()?;
            self.pending_governance = new_governance;
            self.env().emit_event(GovernanceTransferProposed {
                governance: self.governance,
                proposed: new_governance,
            });
            Ok(())
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
            let caller = self.env().caller();
            if self.pending_governance != Some(caller) {
                return Err(Error::NotPendingGovernance);
            }
            let previous = self.governance;
            self.governance = caller;
            self.pending_governance = None;
            self.env().emit_event(GovernanceChanged {
                previous,
                new: caller,
            });
            Ok(())
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
            self.ensure_governance()?;
            if amount > self.platform_fees_available() {
                return Err(Error::InsufficientPlatformFees);
            }
            self.env()
                .transfer(to, amount)
                .map_err(|_| Error::JoyTransferFailed)?;
            self.env().emit_event(PlatformFeesWithdrawn { to, amount });
            Ok(())
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
            self.governance
        }

        /// The proposed successor of governance, if any.
        #[ink(message)]
        pub fn pending_governance(&self) -> Option<AccountId> {
            self.pending_governance
        }

        /// The governance parameters every token follows.
        #[ink(message)]
        pub fn token_constraints(&self) -> TokenConstraints {
            self.constraints
        }

        /// Whether governance froze every token.
        #[ink(message)]
        pub fn is_frozen(&self) -> bool {
            self.frozen
        }

        /// Code hash new tokens are deployed from.
        #[ink(message)]
        pub fn token_code_hash(&self) -> Hash {
            self.token_code_hash
        }

        /// Library code hash new tokens delegate-call.
        #[ink(message)]
        pub fn token_library_hash(&self) -> Hash {
            self.token_library_hash
        }

        /// Blocks per year on this chain (patronage compounding).
        #[ink(message)]
        pub fn blocks_per_year(&self) -> BlockNumber {
            self.blocks_per_year
        }

        /// Number of live (not deissued) tokens.
        #[ink(message)]
        pub fn token_count(&self) -> u64 {
            self.registry.live_tokens
        }

        /// Id the next issued token will get.
        #[ink(message)]
        pub fn next_token_id(&self) -> TokenId {
            self.registry.next_token_id
        }

        /// The live token with this id.
        #[ink(message)]
        pub fn token(&self, token_id: TokenId) -> Option<TokenRecord> {
            self.registry.token(token_id)
        }

        /// The live token with this symbol, compared case-insensitively.
        #[ink(message)]
        pub fn token_by_symbol(&self, symbol: String) -> Option<TokenRecord> {
            self.registry.by_symbol(&symbol)
        }

        /// The live token at this contract address.
        #[ink(message)]
        pub fn token_by_address(&self, address: AccountId) -> Option<TokenRecord> {
            self.registry.by_address(address)
        }

        /// Live tokens with ids in `[start, start + limit)`; `limit` ≤ 50.
        ///
        /// # Errors
        /// `PageTooLarge`.
        #[ink(message)]
        pub fn list_tokens(&self, start: TokenId, limit: u32) -> Result<Vec<TokenRecord>, Error> {
            if limit > MAX_PAGE {
                return Err(Error::PageTooLarge);
            }
            Ok(self.registry.list(start, limit))
        }

        /// `issuer`'s tokens at positions `[offset, offset + limit)`; `limit` ≤ 50.
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
            if limit > MAX_PAGE {
                return Err(Error::PageTooLarge);
            }
            Ok(self.registry.of_issuer(issuer, offset, limit))
        }

        /// How many live tokens `issuer` holds the issuer role of.
        #[ink(message)]
        pub fn issuer_token_count(&self, issuer: AccountId) -> u32 {
            self.registry.issuer_token_count(issuer)
        }

        /// Platform fees governance can withdraw: the factory's transferable balance
        /// (pallet-contracts reports it without the existential deposit, which stays).
        #[ink(message)]
        pub fn platform_fees_available(&self) -> Balance {
            self.env().balance()
        }
    }

    impl CrtFactory for Factory {
        /// The frozen flag, the governance parameters and blocks per year, for tokens.
        #[ink(message)]
        fn token_context(&self) -> TokenContext {
            TokenContext {
                frozen: self.frozen,
                constraints: self.constraints,
                blocks_per_year: self.blocks_per_year,
            }
        }

        /// Token only: moves the token to its new issuer in the index.
        ///
        /// # Events
        /// `TokenIssuerChanged`.
        #[ink(message)]
        fn record_issuer_change(&mut self, token_id: TokenId, new_issuer: AccountId) -> bool {
            match self.registry.token(token_id) {
                Some(record) if record.address == self.env().caller() => {
                    self.registry.change_issuer(token_id, new_issuer);
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
