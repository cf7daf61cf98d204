//! How a contract runs a message from its library code: the token from `crt-library` (bodies
//! in [`crate::library_messages`]), the factory from `factory-library` (bodies in
//! `factory/src/library_messages.rs`).
//!
//! On chain the contract delegate-calls the library with its own call input (`FORWARD_INPUT`:
//! selector and arguments exactly as the caller sent them, nothing re-encoded) and `TAIL_CALL`:
//! the library runs on the contract's storage and balance with the original caller and value,
//! and its output, revert flag included, becomes the contract's output, so the contract returns
//! exactly what the library returned and never writes its storage afterwards. The library's
//! message therefore carries the same selector as the contract's. Unit tests (`cfg(test)` of
//! the contract: the off-chain engine cannot delegate-call) run the same state method directly.
//!
//! The macro expects `self.state.library` (the library's code hash) and a method of the same
//! name on `self.state`.

/// `delegated!(self, message(args…))`: the contract's message of that name, run from the
/// library. The arguments only serve unit tests (the library decodes its own copy of the
/// input on chain).
#[macro_export]
macro_rules! delegated {
    ($self:ident, $message:ident($($arg:expr),*)) => {{
        #[cfg(not(test))]
        {
            let _ = ($(&$arg,)*);
            $crate::forward::forward_input($self.state.library)
        }
        #[cfg(test)]
        return $self.state.$message($($arg),*);
    }};
}

use ink::env::call::{build_call, ExecutionInput, Selector};
use ink::env::{CallFlags, DefaultEnvironment};
use ink::primitives::Hash;

/// Delegate-calls `library` with this call's own input and ends this call with its output.
///
/// # Panics
/// When the delegate call cannot be made at all (no code at `library`): the call traps and
/// nothing changes. The factory deploys every token with uploaded library code, and both
/// contracts pin their library's code.
#[inline(never)]
pub fn forward_input(library: Hash) -> ! {
    let outcome = build_call::<DefaultEnvironment>()
        .delegate(library)
        .call_flags(CallFlags::FORWARD_INPUT | CallFlags::TAIL_CALL)
        // Ignored with `FORWARD_INPUT`: the library receives this call's input.
        .exec_input(ExecutionInput::new(Selector::new([0; 4])))
        .returns::<()>()
        .try_invoke();
    // With `TAIL_CALL`, a call that ran (successfully or reverting) never returns here.
    let _ = outcome;
    panic!("library code unavailable")
}
