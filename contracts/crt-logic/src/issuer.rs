//! The issuer role: two-step hand-over, and deissuing (through the factory).

use ink::primitives::AccountId;

use crate::data::TokenData;
use crate::errors::Error;
use crate::events::{Effects, IssuerChanged, IssuerTransferProposed, TokenDeissued};

impl TokenData {
    /// Issuer: proposes `new` as successor (`None` withdraws a proposal).
    pub fn propose_issuer(&mut self, caller: AccountId, new: Option<AccountId>) -> Result<Effects, Error> {
        self.ensure_issuer(caller)?;
        self.info.pending_issuer = new;
        Ok(Effects::new().event(IssuerTransferProposed {
            issuer: caller,
            proposed: new,
        }))
    }

    /// Only the proposed successor may accept the role.
    pub fn ensure_pending_issuer(&self, caller: AccountId) -> Result<(), Error> {
        if self.info.pending_issuer != Some(caller) {
            return Err(Error::NotPendingIssuer);
        }
        Ok(())
    }

    /// The proposed successor takes the role.
    pub fn accept_issuer(&mut self, caller: AccountId) -> Result<Effects, Error> {
        self.ensure_pending_issuer(caller)?;
        let previous = self.info.issuer;
        self.info.issuer = caller;
        self.info.pending_issuer = None;
        Ok(Effects::new().event(IssuerChanged {
            previous,
            new: caller,
        }))
    }

    /// Factory (on the issuer's behalf): retires the token once every account is dusted and
    /// no revenue split or AMM holds JOY. (A sale cannot exist then: its source account
    /// cannot be dusted before it is finalized.)
    pub fn deissue(&mut self, caller_is_factory: bool, issuer: AccountId) -> Result<Effects, Error> {
        if !caller_is_factory {
            return Err(Error::NotFactory);
        }
        self.ensure_issuer(issuer)?;
        if self.info.accounts_number > 0 {
            return Err(Error::CannotDeissueWithOutstandingAccounts);
        }
        // JOY the token owes to others must be paid out first; bond deposits and held sale
        // payouts stay withdrawable by their owners after deissue.
        if self.info.revenue_split.is_some() {
            return Err(Error::CannotDeissueWithActiveRevenueSplit);
        }
        if self.amm().is_some() {
            return Err(Error::CannotDeissueWithActiveAmm);
        }
        self.info.deissued = true;
        Ok(Effects::new().event(TokenDeissued {
            token_id: self.info.token_id,
        }))
    }
}
