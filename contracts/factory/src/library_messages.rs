//! The factory messages that run from the factory library (`factory-library`, by delegate
//! call, on the factory's storage and balance): issuing and deissuing tokens, governance, the
//! treasury withdrawal and every query. The factory keeps only what tokens call on their own
//! hot path (`CrtFactory::token_context`, `record_issuer_change`, `deposit_platform_fee`) in
//! its own code, so each token message that asks the factory for its context loads little
//! code. The factory's messages of the same names forward here; their docs are the
//! reference. Unit tests run these directly (the off-chain engine cannot delegate-call).

use crt::crt::CrtRef;
use crt_core::bonds::{bonds_for, settle};
use crt_traits::TokenLibraries;
use crt_traits::{
    symbol_key, BlockNumber, IssuanceParams, TokenConstraints, TokenConstraintsUpdate, TokenId, TokenRecord,
};
use ink::env::call::{build_call, ExecutionInput, Selector};
use ink::env::DefaultEnvironment;
use ink::prelude::{string::String, vec::Vec};
use ink::primitives::{AccountId, Hash};

use crate::events::{
    FrozenStatusUpdated, GovernanceChanged, GovernanceTransferProposed, PlatformFeesWithdrawn,
    TokenCodeHashUpdated, TokenConstraintsUpdated, TokenIssued, TokenRemoved,
};
use crate::registry::MAX_PAGE;
use crate::state::{caller, emit, FactoryState};
use crate::{Balance, Error};

impl FactoryState {
    pub fn issue_token(
        &mut self,
        params: IssuanceParams,
        expected_code_hash: Hash,
        expected_libraries: TokenLibraries,
    ) -> Result<(TokenId, AccountId), Error> {
        self.ensure_not_frozen()?;
        if (expected_code_hash, expected_libraries) != (self.token_code_hash, self.token_libraries) {
            return Err(Error::TokenCodeChanged);
        }
        let accounts = params.validate(&self.constraints)?;
        let key = symbol_key(&params.symbol).ok_or(Error::InvalidSymbol)?;
        if self.registry.is_symbol_taken(&key) {
            return Err(Error::SymbolTaken);
        }
        let bond = self.constraints.bloat_bond;
        let owed = bonds_for(accounts, bond).map_err(|_| Error::ArithmeticOverflow)?;
        let refund = settle(ink::env::transferred_value::<DefaultEnvironment>(), owed)
            .map_err(|_| Error::InsufficientBloatBond)?;
        let issuer = caller();
        let token_id = self.registry.next_token_id;
        let symbol = params.symbol.clone();
        let initial_supply = params.initial_supply();
        let token = CrtRef::new(
            self.token_libraries,
            token_id,
            issuer,
            params,
            self.constraints,
            self.blocks_per_year,
            self.live_marker,
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
        let address = ink::ToAccountId::<DefaultEnvironment>::to_account_id(&token);
        self.registry.insert(
            address,
            symbol.clone(),
            issuer,
            ink::env::block_number::<DefaultEnvironment>(),
        );
        if refund > 0 {
            ink::env::transfer::<DefaultEnvironment>(issuer, refund).map_err(|_| Error::JoyTransferFailed)?;
        }
        emit(TokenIssued {
            token_id,
            token: address,
            issuer,
            symbol,
            initial_supply,
            accounts_created: accounts,
        });
        Ok((token_id, address))
    }

    pub fn deissue_token(&mut self, token_id: TokenId) -> Result<(), Error> {
        self.ensure_not_frozen()?;
        let record = self.live_token(token_id)?;
        // The token's `Issuer::deissue`, called by its selector (declared once, in
        // `crt_logic::messages`), with the issuer as the caller asserting it.
        let deissue = build_call::<DefaultEnvironment>()
            .call(record.address)
            .exec_input(
                ExecutionInput::new(Selector::new(ink::selector_bytes!("Issuer::deissue")))
                    .push_arg(caller()),
            )
            .returns::<Result<(), crt_logic::Error>>()
            .try_invoke();
        match deissue {
            Ok(Ok(Ok(()))) => {}
            Ok(Ok(Err(e))) => return Err(Error::Token(e)),
            _ => return Err(Error::TokenCallFailed),
        }
        self.registry.remove(token_id);
        emit(TokenRemoved {
            token_id,
            token: record.address,
        });
        Ok(())
    }

    pub fn update_token_constraints(&mut self, update: TokenConstraintsUpdate) -> Result<(), Error> {
        self.ensure_governance()?;
        let constraints = self.constraints.updated(&update);
        if !constraints.is_valid() {
            return Err(Error::InvalidConstraints);
        }
        self.constraints = constraints;
        emit(TokenConstraintsUpdated { constraints });
        Ok(())
    }

    pub fn set_frozen_status(&mut self, frozen: bool) -> Result<(), Error> {
        self.ensure_governance()?;
        match (self.is_frozen(), frozen) {
            (false, true) => crate::live_switch::remove(self.live_marker)?,
            (true, false) => {
                if crate::live_switch::create(self.live_marker_hash)? != self.live_marker {
                    return Err(Error::LiveMarkerUnavailable);
                }
            }
            _ => {}
        }
        emit(FrozenStatusUpdated { frozen });
        Ok(())
    }

    pub fn set_token_code_hash(&mut self, code_hash: Hash, libraries: TokenLibraries) -> Result<(), Error> {
        self.ensure_governance()?;
        if !libraries.distinct_from(code_hash) {
            return Err(Error::TokenCodeIsItsOwnLibrary);
        }
        self.token_code_hash = code_hash;
        self.token_libraries = libraries;
        emit(TokenCodeHashUpdated { code_hash, libraries });
        Ok(())
    }

    pub fn propose_governance(&mut self, new_governance: Option<AccountId>) -> Result<(), Error> {
        self.ensure_governance()?;
        self.pending_governance = new_governance;
        emit(GovernanceTransferProposed {
            governance: self.governance,
            proposed: new_governance,
        });
        Ok(())
    }

    pub fn accept_governance(&mut self) -> Result<(), Error> {
        let caller = caller();
        if self.pending_governance != Some(caller) {
            return Err(Error::NotPendingGovernance);
        }
        let previous = self.governance;
        self.governance = caller;
        self.pending_governance = None;
        emit(GovernanceChanged {
            previous,
            new: caller,
        });
        Ok(())
    }

    pub fn withdraw_platform_fees(&mut self, to: AccountId, amount: Balance) -> Result<(), Error> {
        self.ensure_governance()?;
        if amount > self.platform_fees_available() {
            return Err(Error::InsufficientPlatformFees);
        }
        ink::env::transfer::<DefaultEnvironment>(to, amount).map_err(|_| Error::JoyTransferFailed)?;
        emit(PlatformFeesWithdrawn { to, amount });
        Ok(())
    }

    pub fn governance(&self) -> AccountId {
        self.governance
    }

    pub fn pending_governance(&self) -> Option<AccountId> {
        self.pending_governance
    }

    pub fn token_constraints(&self) -> TokenConstraints {
        self.constraints
    }

    /// Frozen exactly while the live marker does not exist: the one record of the status,
    /// the one tokens read.
    pub fn is_frozen(&self) -> bool {
        !crate::live_switch::exists(self.live_marker)
    }

    pub fn token_code_hash(&self) -> Hash {
        self.token_code_hash
    }

    pub fn token_libraries(&self) -> TokenLibraries {
        self.token_libraries
    }

    pub fn blocks_per_year(&self) -> BlockNumber {
        self.blocks_per_year
    }

    pub fn token_count(&self) -> u64 {
        self.registry.live_tokens
    }

    pub fn next_token_id(&self) -> TokenId {
        self.registry.next_token_id
    }

    pub fn token(&self, token_id: TokenId) -> Option<TokenRecord> {
        self.registry.token(token_id)
    }

    pub fn token_by_symbol(&self, symbol: String) -> Option<TokenRecord> {
        self.registry.by_symbol(&symbol)
    }

    pub fn token_by_address(&self, address: AccountId) -> Option<TokenRecord> {
        self.registry.by_address(address)
    }

    pub fn list_tokens(&self, start: TokenId, limit: u32) -> Result<Vec<TokenRecord>, Error> {
        if limit > MAX_PAGE {
            return Err(Error::PageTooLarge);
        }
        Ok(self.registry.list(start, limit))
    }

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

    pub fn issuer_token_count(&self, issuer: AccountId) -> u32 {
        self.registry.issuer_token_count(issuer)
    }

    pub fn platform_fees_available(&self) -> Balance {
        ink::env::balance::<DefaultEnvironment>()
    }
}
