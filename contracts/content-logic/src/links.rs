//! What the content contract asks of other contracts: whether the suite is live (the factory's
//! live marker exists: a storage read, no call), the factory's record of a token and its
//! governance (calls, only in the messages that need them), and a gate token's PSP22 balance
//! (a call, only when a gated item's access is checked). Unit tests (`stand-ins`: the off-chain
//! engine cannot call contracts) answer from per-thread stand-ins instead.

use crt_traits::{Balance, BlockNumber, TokenAmount, TokenRecord};
use ink::primitives::AccountId;

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

    /// Pays `amount` into a revenue split of `token` (its `RevenueSplit::fund_revenue_split`,
    /// which accepts it only from the revenue source its issuer registered).
    pub fn fund_split(
        token: AccountId,
        start: Option<BlockNumber>,
        duration: BlockNumber,
        amount: Balance,
    ) -> Result<(), Error> {
        // The token's answer is `Result<(), token error>`; any error is a refusal.
        match build_call::<DefaultEnvironment>()
            .call(token)
            .transferred_value(amount)
            .exec_input(
                ExecutionInput::new(Selector::new(ink::selector_bytes!(
                    "RevenueSplit::fund_revenue_split"
                )))
                .push_arg(start)
                .push_arg(duration),
            )
            .returns::<Result<(), u8>>()
            .try_invoke()
        {
            Ok(Ok(Ok(()))) => Ok(()),
            _ => Err(Error::RevenueSplitRefused),
        }
    }

    /// `account`'s PSP22 balance of `token`; a token that does not answer counts as a zero
    /// balance (the gate stays shut, the check never fails).
    pub fn balance_of(token: AccountId, account: AccountId) -> TokenAmount {
        build_call::<DefaultEnvironment>()
            .call(token)
            .exec_input(
                ExecutionInput::new(Selector::new(ink::selector_bytes!("PSP22::balance_of")))
                    .push_arg(account),
            )
            .returns::<TokenAmount>()
            .try_invoke()
            .ok()
            .and_then(|answer| answer.ok())
            .unwrap_or_default()
    }
}

#[cfg(not(feature = "stand-ins"))]
pub use chain::{balance_of, fund_split};

#[cfg(feature = "stand-ins")]
pub use stand_in::{balance_of, fund_split};

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
        pub balances: BTreeMap<(AccountId, AccountId), TokenAmount>,
        /// Whether tokens refuse `fund_revenue_split`.
        pub split_refused: bool,
        /// Splits funded: `(token, start, duration, amount)`.
        pub splits: Vec<(AccountId, Option<BlockNumber>, BlockNumber, Balance)>,
    }

    thread_local! {
        static WORLD: RefCell<World> = RefCell::new(World::default());
    }

    /// Changes what the stand-ins answer.
    pub fn with_world<R>(f: impl FnOnce(&mut World) -> R) -> R {
        WORLD.with(|w| f(&mut w.borrow_mut()))
    }

    pub fn balance_of(token: AccountId, account: AccountId) -> TokenAmount {
        with_world(|w| w.balances.get(&(token, account)).copied().unwrap_or_default())
    }

    /// Records the split; the JOY stays with the contract's account in the off-chain engine.
    pub fn fund_split(
        token: AccountId,
        start: Option<BlockNumber>,
        duration: BlockNumber,
        amount: Balance,
    ) -> Result<(), Error> {
        with_world(|w| {
            if w.split_refused {
                return Err(Error::RevenueSplitRefused);
            }
            w.splits.push((token, start, duration, amount));
            Ok(())
        })
    }
}
