//! # Library floor
//!
//! Not part of the suite: the benchmark's measure of what the token's library layout costs by
//! itself. Uploaded as a token's library, it answers every message the token forwards to it
//! by reading the token's root cell and returning `Ok(())`, with no dispatcher, no decoding
//! and no logic: a few hundred bytes of code. A message run through it costs what every
//! library message pays before doing any work of its own — the token's code and its root
//! read, the delegate call, a library's root read — so the benchmark can state the least a
//! message run from a library can cost with this token.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

/// The root cell's bytes, whatever they are (read whole, written back as they are).
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
struct RawCell(ink::prelude::vec::Vec<u8>);

#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
impl scale::Decode for RawCell {
    fn decode<I: scale::Input>(input: &mut I) -> Result<Self, scale::Error> {
        let len = input.remaining_len()?.unwrap_or_default();
        let mut bytes = ink::prelude::vec![0; len];
        input.read(&mut bytes)?;
        Ok(Self(bytes))
    }
}

#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
impl scale::Encode for RawCell {
    fn encode_to<O: scale::Output + ?Sized>(&self, dest: &mut O) {
        dest.write(&self.0)
    }
}

/// Refuses: like the suite's libraries, this code is only ever delegate-called.
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[no_mangle]
pub extern "C" fn deploy() {
    panic!("library code only")
}

/// Reads the root cell (key 0, as every library message does) and answers `Ok(Ok(()))`: the
/// encoding of a successful `Result<(), Error>` message.
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[no_mangle]
pub extern "C" fn call() {
    let _root = ink::env::get_contract_storage::<u32, RawCell>(&0);
    ink::env::return_value::<Result<Result<(), ()>, ()>>(ink::env::ReturnFlags::empty(), &Ok(Ok(())))
}
