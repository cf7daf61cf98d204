//! The bandwidth contract's whole storage and the helpers every message uses: the call context
//! (refused while the suite is frozen for messages that put money in), governance's check,
//! and `apply`, which moves JOY and tokens and emits the events a logic call returned.

use crt_traits::{Balance, BlockNumber, PERMILL_ONE};
use ink::env::DefaultEnvironment;
use ink::primitives::AccountId;

use crate::call::Call;
use crate::data::BandwidthData;
use crate::errors::Error;
use crate::events::FeeChanged;
use crate::links;
use crate::moves::Moves;

/// Highest platform fee on redemptions governance may set: 10 % (parts per million).
pub const BANDWIDTH_FEE_CAP: u32 = 100_000;

/// Shortest challenge period (blocks): a seeder needs time to see the expiry and redeem.
pub const MIN_CHALLENGE_PERIOD: BlockNumber = 10;

/// Longest challenge period (blocks): 14 days of 6-second blocks; a payer's refund waits no
/// longer than this after expiry.
pub const MAX_CHALLENGE_PERIOD: BlockNumber = 201_600;

/// Version of this storage layout; code built for another refuses to change state.
pub const LAYOUT_VERSION: u32 = 1;

/// Everything the bandwidth contract stores.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
pub struct BandwidthState {
    /// [`LAYOUT_VERSION`] of the code that deployed the contract.
    pub layout: u32,
    /// The factory: its registry says which tokens may fund channels, its governance sets
    /// the fee, its account is the treasury fees go to.
    pub factory: AccountId,
    /// The factory's live marker: the suite is frozen while no contract exists there.
    pub live_marker: AccountId,
    /// The platform fee on JOY redemptions, ppm (at most [`BANDWIDTH_FEE_CAP`]), for channels
    /// opened from now on.
    pub fee_ppm: u32,
    /// Blocks after a channel's expiry in which its seeder may still redeem, fixed at
    /// deployment.
    pub challenge_period: BlockNumber,
    /// Channels and held payouts.
    pub data: BandwidthData,
}

impl BandwidthState {
    /// A fresh state bound to `factory` (whose live marker is `live_marker`).
    pub fn new(
        factory: AccountId,
        live_marker: AccountId,
        fee_ppm: u32,
        challenge_period: BlockNumber,
    ) -> Result<Self, Error> {
        if fee_ppm > BANDWIDTH_FEE_CAP {
            return Err(Error::FeeTooHigh);
        }
        if !(MIN_CHALLENGE_PERIOD..=MAX_CHALLENGE_PERIOD).contains(&challenge_period) {
            return Err(Error::ChallengePeriodOutOfBounds);
        }
        Ok(Self {
            layout: LAYOUT_VERSION,
            factory,
            live_marker,
            fee_ppm,
            challenge_period,
            data: BandwidthData::default(),
        })
    }

    pub fn is_frozen(&self) -> bool {
        !links::suite_is_live(self.live_marker)
    }

    /// The context of a message that puts money in (open, top up); refused while frozen.
    pub fn call(&self) -> Result<Call, Error> {
        if self.is_frozen() {
            return Err(Error::Frozen);
        }
        self.exit_call()
    }

    /// The context of a message that pays out what is owed (redeem, close): works while the
    /// suite is frozen, so a freeze never locks anyone's money.
    pub fn exit_call(&self) -> Result<Call, Error> {
        if self.layout != LAYOUT_VERSION {
            return Err(Error::LayoutMismatch);
        }
        Ok(Call {
            caller: ink::env::caller::<DefaultEnvironment>(),
            now: ink::env::block_number::<DefaultEnvironment>(),
            paid: ink::env::transferred_value::<DefaultEnvironment>(),
            contract: ink::env::account_id::<DefaultEnvironment>(),
            fee_ppm: self.fee_ppm,
            challenge_period: self.challenge_period,
            treasury: self.factory,
        })
    }

    /// Governance sets the fee for channels opened from now on (works while frozen).
    pub fn set_fee(&mut self, fee_ppm: u32) -> Result<(), Error> {
        let caller = ink::env::caller::<DefaultEnvironment>();
        if links::governance(self.factory)? != caller {
            return Err(Error::NotGovernance);
        }
        if fee_ppm > BANDWIDTH_FEE_CAP {
            return Err(Error::FeeTooHigh);
        }
        self.fee_ppm = fee_ppm;
        self.apply(Moves::new().event(FeeChanged { fee: fee_ppm }))
    }

    /// Pays out JOY, moves tokens, then emits the events, of a successful logic call. A
    /// payout to a third party its account cannot receive is held for it.
    pub fn apply(&mut self, moves: Moves) -> Result<(), Error> {
        let Moves { fx, tokens } = moves;
        for (to, amount) in fx.payouts {
            transfer(to, amount)?;
        }
        for (token, to, amount) in tokens {
            links::token_transfer(token, to, amount)?;
        }
        let mut events = fx.events;
        for (to, amount) in fx.pay_or_hold {
            if transfer(to, amount).is_err() {
                let held = self.data.held.hold(to, amount).ok_or(Error::ArithmeticOverflow)?;
                events.extend(held.events);
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
const _: () = assert!(BANDWIDTH_FEE_CAP <= PERMILL_ONE);
