//! The content contract's whole storage and the helpers every message uses: the call context
//! (refused while the suite is frozen), governance's check, and `apply`, which pays out JOY and
//! emits the events a logic call returned.

use crt_traits::effects::Effects;
use crt_traits::{Balance, PERMILL_ONE};
use ink::env::DefaultEnvironment;
use ink::primitives::AccountId;

use crate::call::Call;
use crate::data::ContentData;
use crate::errors::Error;
use crate::events::FeeChanged;
use crate::links;

/// Highest platform fee on purchases governance may set: 20 % (parts per million).
pub const CONTENT_FEE_CAP: u32 = 200_000;

/// Version of this storage layout; code built for another refuses to change state.
pub const LAYOUT_VERSION: u32 = 1;

/// Everything the content contract stores.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
pub struct ContentState {
    /// [`LAYOUT_VERSION`] of the code that deployed the contract.
    pub layout: u32,
    /// The factory the platform's tokens come from: its registry says which token is whose,
    /// its governance sets the fee, its account is the treasury fees go to.
    pub factory: AccountId,
    /// The factory's live marker: the suite is frozen while no contract exists there.
    pub live_marker: AccountId,
    /// The platform fee on purchases, parts per million (at most [`CONTENT_FEE_CAP`]).
    pub fee_ppm: u32,
    /// Items, access bought and JOY kept for others.
    pub data: ContentData,
}

impl ContentState {
    /// A fresh state bound to `factory` (whose live marker is `live_marker`).
    pub fn new(factory: AccountId, live_marker: AccountId, fee_ppm: u32) -> Result<Self, Error> {
        if fee_ppm > CONTENT_FEE_CAP {
            return Err(Error::FeeTooHigh);
        }
        Ok(Self {
            layout: LAYOUT_VERSION,
            factory,
            live_marker,
            fee_ppm,
            data: ContentData::default(),
        })
    }

    pub fn is_frozen(&self) -> bool {
        !links::suite_is_live(self.live_marker)
    }

    /// The context of a state-changing message; refused while frozen.
    pub fn call(&self) -> Result<Call, Error> {
        if self.layout != LAYOUT_VERSION {
            return Err(Error::LayoutMismatch);
        }
        if self.is_frozen() {
            return Err(Error::Frozen);
        }
        Ok(Call {
            caller: ink::env::caller::<DefaultEnvironment>(),
            now: ink::env::block_number::<DefaultEnvironment>(),
            paid: ink::env::transferred_value::<DefaultEnvironment>(),
            fee_ppm: self.fee_ppm,
            treasury: self.factory,
        })
    }

    /// Governance sets the platform fee (works while frozen: governance's own switch).
    pub fn set_fee(&mut self, fee_ppm: u32) -> Result<(), Error> {
        let caller = ink::env::caller::<DefaultEnvironment>();
        if links::governance(self.factory)? != caller {
            return Err(Error::NotGovernance);
        }
        if fee_ppm > CONTENT_FEE_CAP {
            return Err(Error::FeeTooHigh);
        }
        self.fee_ppm = fee_ppm;
        self.apply(Effects::new().event(FeeChanged { fee: fee_ppm }))
    }

    /// Pays out JOY, then emits the events, of a successful logic call. A creator's payout
    /// its account cannot receive is held for it rather than failing the buyer's purchase.
    pub fn apply(&mut self, fx: Effects) -> Result<(), Error> {
        for (to, amount) in fx.payouts {
            transfer(to, amount)?;
        }
        let mut events = fx.events;
        for (to, amount) in fx.pay_or_hold {
            if transfer(to, amount).is_err() {
                events.extend(self.data.hold_payout(to, amount)?.events);
            }
        }
        for event in events {
            event.emit();
        }
        Ok(())
    }
}

fn transfer(to: AccountId, amount: Balance) -> Result<(), Error> {
    ink::env::transfer::<DefaultEnvironment>(to, amount).map_err(|_| Error::JoyTransferFailed)
}

// The fee cap is a rate.
const _: () = assert!(CONTENT_FEE_CAP <= PERMILL_ONE);
