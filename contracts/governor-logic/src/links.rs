//! What the governor asks of other contracts: a proposal's calls, and the two calls it makes
//! to the factory itself (a guardian's freeze, accepting the factory's governance). Each call
//! either succeeds or reports failure: a callee that reverted (an ink! message returning an
//! error), trapped or ran out of gas has failed. Unit tests (`stand-ins`: the off-chain engine
//! cannot call contracts) use a per-thread stand-in that records the calls instead.

use ink::primitives::AccountId;

use crate::proposal::ProposedCall;

/// The factory's `set_frozen_status(frozen: bool)`.
pub const FACTORY_SET_FROZEN_STATUS: [u8; 4] = ink::selector_bytes!("set_frozen_status");
/// The factory's `accept_governance()`.
pub const FACTORY_ACCEPT_GOVERNANCE: [u8; 4] = ink::selector_bytes!("accept_governance");

/// A call failed (reverted, trapped, ran out of gas, or its target cannot be called).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failed;

/// Asks the factory to freeze the suite.
pub fn freeze_factory(factory: AccountId) -> Result<(), Failed> {
    invoke(&factory_call(
        factory,
        FACTORY_SET_FROZEN_STATUS,
        scale::Encode::encode(&true),
    ))
}

/// Accepts the factory's governance the factory offered this contract.
pub fn accept_factory_governance(factory: AccountId) -> Result<(), Failed> {
    invoke(&factory_call(
        factory,
        FACTORY_ACCEPT_GOVERNANCE,
        ink::prelude::vec::Vec::new(),
    ))
}

fn factory_call(factory: AccountId, selector: [u8; 4], args: ink::prelude::vec::Vec<u8>) -> ProposedCall {
    ProposedCall {
        target: factory,
        selector,
        args,
        value: 0,
    }
}

#[cfg(not(feature = "stand-ins"))]
pub use chain::invoke;
#[cfg(feature = "stand-ins")]
pub use stand_in::invoke;

#[cfg(not(feature = "stand-ins"))]
mod chain {
    use super::*;

    /// Makes `call` with all the gas left; `Ok` only if the callee returned without reverting.
    /// A call to an account that holds no contract is a plain JOY transfer of its value (it
    /// must name no message: selector and arguments empty).
    #[cfg(target_arch = "wasm32")]
    pub fn invoke(call: &ProposedCall) -> Result<(), Failed> {
        use ink::env::DefaultEnvironment;
        use ink::prelude::vec::Vec;
        use pallet_contracts_uapi::{CallFlags, HostFn, HostFnImpl};
        use scale::Encode;

        if !ink::env::is_contract::<DefaultEnvironment>(&call.target) {
            if !call.is_transfer() {
                return Err(Failed);
            }
            return ink::env::transfer::<DefaultEnvironment>(call.target, call.value).map_err(|_| Failed);
        }

        let mut input = Vec::with_capacity(call.args.len().saturating_add(4));
        input.extend_from_slice(&call.selector);
        input.extend_from_slice(&call.args);
        let callee = call.target.encode();
        let value = call.value.encode();
        // Limits of 0: all the gas and storage deposit the caller has left.
        #[allow(deprecated)]
        HostFnImpl::call_v2(CallFlags::empty(), &callee, 0, 0, None, &value, &input, None).map_err(|_| Failed)
    }

    /// Native builds run the contract only in unit tests, whose engine cannot call contracts.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn invoke(_call: &ProposedCall) -> Result<(), Failed> {
        Err(Failed)
    }
}

/// A per-thread stand-in for the contracts a proposal calls, for unit tests.
#[cfg(feature = "stand-ins")]
pub mod stand_in {
    use super::*;
    use ink::env::test::{callee, get_account_balance, set_account_balance};
    use ink::env::DefaultEnvironment as E;
    use std::cell::RefCell;

    /// What the stand-in contracts answer, and the calls they received.
    #[derive(Default)]
    pub struct Callees {
        /// Calls made, in order (calls of a failed message stay: the chain would undo them).
        pub calls: Vec<ProposedCall>,
        /// `(target, selector)` pairs that fail.
        pub failing: Vec<(AccountId, [u8; 4])>,
        /// Accounts that hold no contract: a call to one is a plain transfer and must name no
        /// message. (Every other target answers as a contract.)
        pub plain_accounts: Vec<AccountId>,
    }

    thread_local! {
        static CALLEES: RefCell<Callees> = RefCell::new(Callees::default());
    }

    /// Changes what the stand-ins answer, or reads the calls made.
    pub fn with_callees<R>(f: impl FnOnce(&mut Callees) -> R) -> R {
        CALLEES.with(|c| f(&mut c.borrow_mut()))
    }

    /// Records `call`; moves its JOY from the governor to the target as the chain would.
    pub fn invoke(call: &ProposedCall) -> Result<(), Failed> {
        with_callees(|c| {
            let plain = c.plain_accounts.contains(&call.target);
            if c.failing.contains(&(call.target, call.selector)) || (plain && !call.is_transfer()) {
                return Err(Failed);
            }
            let governor = callee::<E>();
            let have = get_account_balance::<E>(governor).unwrap_or_default();
            if have < call.value {
                return Err(Failed);
            }
            set_account_balance::<E>(governor, have.saturating_sub(call.value));
            let theirs = get_account_balance::<E>(call.target).unwrap_or_default();
            set_account_balance::<E>(call.target, theirs.saturating_add(call.value));
            c.calls.push(call.clone());
            Ok(())
        })
    }
}
