//! How a contract runs a message from its library code: the token's entry points
//! (`crt/src/entry.rs`) call [`forward_input`] with the library a selector belongs to (bodies in
//! [`crate::library_messages`]) and [`forward_as`] for its deployment; the factory calls it
//! through [`delegated!`] for its `factory-library` messages (bodies in
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
//! name on `self.state`. (The token's `#[ink::contract]` declaration, never deployed, uses its
//! own `in_library!` instead: it has no single library to forward to.)

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

/// Selector of the main library's `deploy_token`, which the token's `deploy` entry point
/// delegate-calls with its constructor's arguments.
pub const DEPLOY_TOKEN: [u8; 4] = ink::selector_bytes!("deploy_token");

/// Delegate-calls `library`'s `selector` with `args`, bytes already encoded (a call's own input
/// after its selector), and ends this call with its output, as [`forward_input`].
///
/// # Panics
/// As [`forward_input`].
pub fn forward_as(library: Hash, selector: [u8; 4], args: EncodedArgs) -> ! {
    delegate(library, CallFlags::TAIL_CALL, selector, args)
}

/// Arguments already SCALE-encoded: decoding takes the rest of the input as it is, encoding
/// writes it back unchanged.
pub struct EncodedArgs(pub ink::prelude::vec::Vec<u8>);

impl scale::Decode for EncodedArgs {
    fn decode<I: scale::Input>(input: &mut I) -> Result<Self, scale::Error> {
        let len = input.remaining_len()?.ok_or("input length unknown")?;
        let mut bytes = ink::prelude::vec![0; len];
        input.read(&mut bytes)?;
        Ok(Self(bytes))
    }
}

impl scale::Encode for EncodedArgs {
    fn size_hint(&self) -> usize {
        self.0.len()
    }

    fn encode_to<O: scale::Output + ?Sized>(&self, dest: &mut O) {
        dest.write(&self.0)
    }
}

/// Delegate-calls `library` with this call's own input and ends this call with its output.
///
/// # Panics
/// When the delegate call cannot be made at all (no code at `library`): the call traps and
/// nothing changes. The factory deploys every token with uploaded library code, and both
/// contracts pin their library's code.
pub fn forward_input(library: Hash) -> ! {
    // With `FORWARD_INPUT` the library receives this call's input; the one given is ignored.
    delegate(
        library,
        CallFlags::FORWARD_INPUT | CallFlags::TAIL_CALL,
        [0; 4],
        EncodedArgs(ink::prelude::vec::Vec::new()),
    )
}

/// The one delegate call both forwards make (one instance of the call builder in the code).
#[inline(never)]
fn delegate(library: Hash, flags: CallFlags, selector: [u8; 4], args: EncodedArgs) -> ! {
    let outcome = build_call::<DefaultEnvironment>()
        .delegate(library)
        .call_flags(flags)
        .exec_input(ExecutionInput::new(Selector::new(selector)).push_arg(args))
        .returns::<()>()
        .try_invoke();
    // With `TAIL_CALL`, a call that ran (successfully or reverting) never returns here.
    let _ = outcome;
    panic!("library code unavailable")
}
