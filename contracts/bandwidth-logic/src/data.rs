//! The bandwidth contract's books: channels, each account's channels as payer and as seeder
//! (for paging), the JOY deposits still in channels, and payouts held. `channels.rs` adds the
//! messages' logic.

use crt_traits::held::HeldPayouts;
use crt_traits::Balance;
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;
use ink::storage::Mapping;

use crate::channel::{Channel, ChannelId, Role, MAX_PAGE};
use crate::errors::Error;

/// A slot of an account's list of channels in one role: `(account, role, position)`.
type ListSlot = (AccountId, Role, u32);

/// One cell per channel, list slot and held payout; no message iterates over channels.
#[ink::storage_item]
#[cfg_attr(feature = "std", derive(Debug))]
#[derive(Default)]
pub struct BandwidthData {
    /// The id the next channel gets.
    pub next_channel_id: ChannelId,
    /// Every channel ever opened, by id (closed ones stay, marked).
    pub(crate) channels: Mapping<ChannelId, Channel>,
    /// Each account's channels, per role, by position.
    pub(crate) lists: Mapping<ListSlot, ChannelId>,
    /// How many channels each account has in each role.
    pub(crate) counts: Mapping<(AccountId, Role), u32>,
    /// Σ unredeemed deposits of open JOY channels: JOY the contract holds for channels.
    pub joy_in_channels: Balance,
    /// Refunds a payer's account could not receive when a seeder closed, until withdrawn.
    pub held: HeldPayouts,
}

impl BandwidthData {
    pub fn channel(&self, id: ChannelId) -> Option<Channel> {
        self.channels.get(id)
    }

    /// Up to `max` (at most [`MAX_PAGE`]) of `account`'s channels in `role`, from position
    /// `from` of its list.
    pub fn channels_of(
        &self,
        account: AccountId,
        role: Role,
        from: u32,
        max: u32,
    ) -> Vec<(ChannelId, Channel)> {
        let end = from
            .saturating_add(max.min(MAX_PAGE))
            .min(self.channel_count_of(account, role));
        (from..end)
            .filter_map(|i| self.lists.get((account, role, i)))
            .filter_map(|id| self.channels.get(id).map(|c| (id, c)))
            .collect()
    }

    pub fn channel_count_of(&self, account: AccountId, role: Role) -> u32 {
        self.counts.get((account, role)).unwrap_or_default()
    }

    /// Appends channel `id` to `account`'s list in `role`.
    pub(crate) fn list(&mut self, account: AccountId, role: Role, id: ChannelId) -> Result<(), Error> {
        let count = self.channel_count_of(account, role);
        let next = count.checked_add(1).ok_or(Error::ArithmeticOverflow)?;
        self.lists.insert((account, role, count), &id);
        self.counts.insert((account, role), &next);
        Ok(())
    }

    /// JOY the contract must always hold: open JOY channels' unredeemed deposits and the
    /// held payouts.
    pub fn joy_liabilities(&self) -> Balance {
        self.joy_in_channels.saturating_add(self.held.total)
    }
}
