//! How a contract runs a message from its library code: the token from `crt-library`
//! ([`crate::delegated`]), the factory from `factory-library` (`factory/src/delegated.rs`).
//!
//! On chain the message is re-encoded and delegate-called with `TAIL_CALL`: the library runs
//! on the contract's storage and balance with the original caller and value, and its output,
//! revert flag included, becomes the contract's output, so the contract returns exactly what
//! the library returned and never writes its storage afterwards. Unit tests (`cfg(test)`: the
//! off-chain engine cannot delegate-call) run the same state method directly.
//!
//! The macro expects `self.state.library` (the library's code hash) and a method of the same
//! name on `self.state`.

/// `delegated!(self, "selector name", message(args…))`: the message of that name run from
/// the library. The name is the one ink! hashes for the selector (`"burn"` of a trait is
/// `"PSP22Burnable::burn"`), so it matches the library's message of the same name.
#[macro_export]
macro_rules! delegated {
    ($self:ident, $selector:literal, $message:ident($($arg:expr),*)) => {{
        #[cfg(not(test))]
        $crate::library::forward($self.state.library, ink::selector_bytes!($selector), &($($arg,)*));
        #[cfg(test)]
        return $self.state.$message($($arg),*);
    }};
}

#[cfg(not(test))]
pub use on_chain::forward;

#[cfg(not(test))]
mod on_chain {
    use ink::env::call::{build_call, ExecutionInput, Selector};
    use ink::env::{CallFlags, DefaultEnvironment};
    use ink::prelude::vec::Vec;
    use ink::primitives::Hash;
    use scale::Encode;

    /// Delegate-calls the library's message `selector` with `args` and ends this call with
    /// its output.
    ///
    /// # Panics
    /// When the delegate call cannot be made at all (no code at `library`): the call traps
    /// and nothing changes. The factory deploys every token with uploaded library code.
    pub fn forward<Args: Encode>(library: Hash, selector: [u8; 4], args: &Args) -> ! {
        forward_encoded(library, selector, args.encode())
    }

    /// The non-generic part, once in the Wasm for every forwarded message.
    #[inline(never)]
    fn forward_encoded(library: Hash, selector: [u8; 4], args: Vec<u8>) -> ! {
        let outcome = build_call::<DefaultEnvironment>()
            .delegate(library)
            .call_flags(CallFlags::TAIL_CALL)
            .exec_input(ExecutionInput::new(Selector::new(selector)).push_arg(Encoded(&args)))
            .returns::<()>()
            .try_invoke();
        // With `TAIL_CALL`, a call that ran (successfully or reverting) never returns here.
        let _ = outcome;
        panic!("library code unavailable")
    }

    /// Arguments already SCALE-encoded, written as they are.
    struct Encoded<'a>(&'a [u8]);

    impl Encode for Encoded<'_> {
        fn size_hint(&self) -> usize {
            self.0.len()
        }

        fn encode_to<T: scale::Output + ?Sized>(&self, dest: &mut T) {
            dest.write(self.0)
        }
    }
}
