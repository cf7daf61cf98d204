//! The governor's own messages a proposal may call: its parameters and its guardians change
//! only this way. A proposal names them like any call (the governor as target, the message's
//! selector, SCALE arguments); the governor runs them itself instead of calling itself (the
//! chain refuses a contract that calls back into itself). They are checked when the proposal
//! is made, so nobody votes on a call that cannot run, and again when it runs.

use ink::prelude::vec::Vec;
use ink::primitives::AccountId;
use scale::DecodeAll;

use crate::errors::Error;
use crate::params::{checked_guardians, GovernorParams};
use crate::proposal::ProposedCall;

/// Selector of `Settings::set_params`.
pub const SET_PARAMS: [u8; 4] = ink::selector_bytes!("Settings::set_params");
/// Selector of `Settings::set_guardians`.
pub const SET_GUARDIANS: [u8; 4] = ink::selector_bytes!("Settings::set_guardians");

/// A call of a proposal to the governor itself, decoded and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnCall {
    SetParams(GovernorParams),
    SetGuardians(Vec<AccountId>),
}

impl OwnCall {
    /// Decodes and checks a call to the governor: no JOY, a message a proposal may call,
    /// arguments that decode exactly and are within bounds.
    pub fn parse(call: &ProposedCall) -> Result<Self, Error> {
        if call.value != 0 {
            return Err(Error::BadOwnCall);
        }
        let args = &mut call.args.as_slice();
        match call.selector {
            SET_PARAMS => {
                let params = GovernorParams::decode_all(args).map_err(|_| Error::BadOwnCall)?;
                Ok(Self::SetParams(params.checked()?))
            }
            SET_GUARDIANS => {
                let guardians = Vec::<AccountId>::decode_all(args).map_err(|_| Error::BadOwnCall)?;
                Ok(Self::SetGuardians(checked_guardians(guardians)?))
            }
            _ => Err(Error::BadOwnCall),
        }
    }
}
