//! What the bandwidth contract asks of other contracts: whether the suite is live, the
//! factory's record of a token and its governance (`crt_traits::factory_link`), and PSP22
//! transfers of a channel's token. Unit tests (`stand-ins`: the off-chain engine cannot call
//! contracts) answer from per-thread stand-ins instead.

use crt_traits::TokenRecord;
use ink::primitives::AccountId;

use crate::channel::Amount;
use crate::errors::Error;

pub use crt_traits::factory_link::suite_is_live;

/// The factory's record of the token at `token` (`None`: not one of its live tokens).
pub fn token_record(factory: AccountId, token: AccountId) -> Result<Option<TokenRecord>, Error> {
    crt_traits::factory_link::token_record(factory, token).ok_or(Error::FactoryUnavailable)
}

/// The factory's governance account.
pub fn governance(factory: AccountId) -> Result<AccountId, Error> {
    crt_traits::factory_link::governance(factory).ok_or(Error::FactoryUnavailable)
}

/// The factory's live marker.
pub fn live_marker(factory: AccountId) -> Result<AccountId, Error> {
    crt_traits::factory_link::live_marker(factory).ok_or(Error::FactoryUnavailable)
}

#[cfg(not(feature = "stand-ins"))]
mod chain {
    use super::*;
    use ink::env::call::{build_call, ExecutionInput, Selector};
    use ink::env::DefaultEnvironment;
    use ink::prelude::vec::Vec;

    /// Whether a PSP22 message answered `Ok(())` (any error, trap or undecodable answer is a
    /// refusal).
    fn psp22_ok(token: AccountId, input: ExecutionInput<impl scale::Encode>) -> Result<(), Error> {
        match build_call::<DefaultEnvironment>()
            .call(token)
            .exec_input(input)
            .returns::<Result<(), u8>>()
            .try_invoke()
        {
            Ok(Ok(Ok(()))) => Ok(()),
            _ => Err(Error::TokenTransferFailed),
        }
    }

    /// Sends `amount` of `token` from this contract to `to` (PSP22 `transfer`).
    pub fn token_transfer(token: AccountId, to: AccountId, amount: Amount) -> Result<(), Error> {
        psp22_ok(
            token,
            ExecutionInput::new(Selector::new(ink::selector_bytes!("PSP22::transfer")))
                .push_arg(to)
                .push_arg(amount)
                .push_arg(Vec::<u8>::new()),
        )
    }

    /// Moves `amount` of `token` from `from` to this contract under `from`'s allowance
    /// (PSP22 `transfer_from`).
    pub fn token_transfer_from(token: AccountId, from: AccountId, amount: Amount) -> Result<(), Error> {
        psp22_ok(
            token,
            ExecutionInput::new(Selector::new(ink::selector_bytes!("PSP22::transfer_from")))
                .push_arg(from)
                .push_arg(ink::env::account_id::<DefaultEnvironment>())
                .push_arg(amount)
                .push_arg(Vec::<u8>::new()),
        )
    }
}

#[cfg(not(feature = "stand-ins"))]
pub use chain::{token_transfer, token_transfer_from};

#[cfg(feature = "stand-ins")]
pub use stand_in::{token_transfer, token_transfer_from};

/// Per-thread answers for unit tests.
#[cfg(feature = "stand-ins")]
pub mod stand_in {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    pub use crt_traits::factory_link::stand_in::with_factory;

    /// What the stand-in tokens answer (the factory is `crt_traits`' stand-in).
    #[derive(Default)]
    pub struct World {
        /// Token balances: `(token, account)`.
        pub balances: BTreeMap<(AccountId, AccountId), Amount>,
        /// Whether tokens refuse every transfer (as a frozen suite's tokens do).
        pub transfers_refused: bool,
    }

    thread_local! {
        static WORLD: RefCell<World> = RefCell::new(World::default());
    }

    /// Changes what the stand-ins answer.
    pub fn with_world<R>(f: impl FnOnce(&mut World) -> R) -> R {
        WORLD.with(|w| f(&mut w.borrow_mut()))
    }

    /// `account`'s balance of `token` in the stand-in world.
    pub fn token_balance(token: AccountId, account: AccountId) -> Amount {
        with_world(|w| w.balances.get(&(token, account)).copied().unwrap_or_default())
    }

    fn move_tokens(token: AccountId, from: AccountId, to: AccountId, amount: Amount) -> Result<(), Error> {
        with_world(|w| {
            let have = w.balances.get(&(token, from)).copied().unwrap_or_default();
            if w.transfers_refused || have < amount {
                return Err(Error::TokenTransferFailed);
            }
            w.balances.insert((token, from), have.saturating_sub(amount));
            let credited = w.balances.entry((token, to)).or_default();
            *credited = credited.saturating_add(amount);
            Ok(())
        })
    }

    pub fn token_transfer(token: AccountId, to: AccountId, amount: Amount) -> Result<(), Error> {
        move_tokens(
            token,
            ink::env::test::callee::<ink::env::DefaultEnvironment>(),
            to,
            amount,
        )
    }

    pub fn token_transfer_from(token: AccountId, from: AccountId, amount: Amount) -> Result<(), Error> {
        move_tokens(
            token,
            from,
            ink::env::test::callee::<ink::env::DefaultEnvironment>(),
            amount,
        )
    }
}
