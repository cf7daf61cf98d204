//! # Bandwidth payment channels
//!
//! One contract per platform, bound to the factory: a downloader opens a channel to a seeder
//! with a deposit in JOY or in a creator token the factory registered, signs vouchers off
//! chain for the cumulative amount it owes as pieces arrive, and the seeder redeems the
//! latest voucher whenever it likes. The factory's freeze stops new deposits (never payouts),
//! its treasury receives the fee on JOY redemptions and its governance sets that fee (hard
//! cap 10 %).
//!
//! This module is wiring: the messages are declared once, with their docs, in
//! `bandwidth_logic::messages`; the logic is `bandwidth_logic`'s, on `BandwidthState`; here
//! each message takes the context, asks other contracts what the logic needs, and carries out
//! the moves (JOY and token payouts, events) it returns.
#![cfg_attr(not(feature = "std"), no_std, no_main)]

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_properties;

#[ink::contract]
pub mod bandwidth {
    use bandwidth_logic::call::Call;
    use bandwidth_logic::channel::{
        Amount, Asset, Channel, ChannelId, Redemption, Role, SignerKey, VoucherSignature,
    };
    use bandwidth_logic::channels::{Opening, TopUp};
    use bandwidth_logic::messages::{BandwidthGovernance, ChannelViews, Channels, HeldRefunds};
    use bandwidth_logic::state::BandwidthState;
    use bandwidth_logic::voucher::Voucher;
    use bandwidth_logic::{links, Error};
    use ink::prelude::vec::Vec;

    /// The contract's storage (see `bandwidth_logic::state`).
    #[ink(storage)]
    pub struct Bandwidth {
        /// Everything the contract stores: the factory it is bound to, the fee, the challenge
        /// period, the channels and the refunds held.
        state: BandwidthState,
    }

    impl Bandwidth {
        /// Binds a new bandwidth contract to `factory` (its live marker, treasury, registry and
        /// governance) with a platform `fee` on JOY redemptions (ppm, at most 100 000) and a
        /// `challenge_period` (blocks after a channel's expiry in which its seeder may still
        /// redeem, 10 to 201 600).
        ///
        /// # Errors
        /// `FeeTooHigh`, `ChallengePeriodOutOfBounds`, `FactoryUnavailable`.
        #[ink(constructor)]
        pub fn new(factory: AccountId, fee: u32, challenge_period: BlockNumber) -> Result<Self, Error> {
            let live_marker = links::live_marker(factory)?;
            Ok(Self {
                state: BandwidthState::new(factory, live_marker, fee, challenge_period)?,
            })
        }

        fn open(&mut self, call: &Call, opening: Opening) -> Result<ChannelId, Error> {
            let (id, moves) = self.state.data.open(call, opening)?;
            self.state.apply(moves)?;
            Ok(id)
        }
    }

    impl Channels for Bandwidth {
        #[ink(message, payable)]
        fn open_channel(
            &mut self,
            seeder: AccountId,
            reference: Vec<u8>,
            signer: SignerKey,
            expires_at: BlockNumber,
        ) -> Result<ChannelId, Error> {
            let call = self.state.call()?;
            self.open(
                &call,
                Opening {
                    seeder,
                    reference,
                    signer,
                    expires_at,
                    asset: Asset::Joy,
                    deposit: call.paid,
                },
            )
        }

        #[ink(message)]
        fn open_token_channel(
            &mut self,
            seeder: AccountId,
            reference: Vec<u8>,
            signer: SignerKey,
            expires_at: BlockNumber,
            token: AccountId,
            amount: Amount,
        ) -> Result<ChannelId, Error> {
            let call = self.state.call()?;
            if links::token_record(self.state.factory, token)?.is_none() {
                return Err(Error::TokenNotRegistered);
            }
            let id = self.open(
                &call,
                Opening {
                    seeder,
                    reference,
                    signer,
                    expires_at,
                    asset: Asset::Token(token),
                    deposit: amount,
                },
            )?;
            links::token_transfer_from(token, call.caller, amount)?;
            Ok(id)
        }

        #[ink(message, payable)]
        fn top_up(&mut self, channel: ChannelId, expires_at: Option<BlockNumber>) -> Result<(), Error> {
            let call = self.state.call()?;
            let (_, moves) = self
                .state
                .data
                .top_up(&call, channel, TopUp::Joy(call.paid), expires_at)?;
            self.state.apply(moves)
        }

        #[ink(message)]
        fn top_up_tokens(
            &mut self,
            channel: ChannelId,
            amount: Amount,
            expires_at: Option<BlockNumber>,
        ) -> Result<(), Error> {
            let call = self.state.call()?;
            let (asset, moves) = self
                .state
                .data
                .top_up(&call, channel, TopUp::Tokens(amount), expires_at)?;
            self.state.apply(moves)?;
            if let Asset::Token(token) = asset {
                if amount > 0 {
                    links::token_transfer_from(token, call.caller, amount)?;
                }
            }
            Ok(())
        }

        #[ink(message)]
        fn redeem(
            &mut self,
            channel: ChannelId,
            cumulative: Amount,
            signature: VoucherSignature,
        ) -> Result<Amount, Error> {
            let call = self.state.exit_call()?;
            let (redemption, moves) = self.state.data.redeem(&call, channel, cumulative, &signature)?;
            self.state.apply(moves)?;
            Ok(redemption.net)
        }

        #[ink(message)]
        fn close(&mut self, channel: ChannelId) -> Result<(), Error> {
            let call = self.state.exit_call()?;
            let moves = self.state.data.close(&call, channel)?;
            self.state.apply(moves)
        }
    }

    impl ChannelViews for Bandwidth {
        #[ink(message)]
        fn channel(&self, channel: ChannelId) -> Option<Channel> {
            self.state.data.channel(channel)
        }

        #[ink(message)]
        fn redeemable(
            &self,
            channel: ChannelId,
            cumulative: Amount,
            signature: VoucherSignature,
        ) -> Result<Redemption, Error> {
            let call = self.state.exit_call()?;
            self.state.data.redeemable(&call, channel, cumulative, &signature)
        }

        #[ink(message)]
        fn voucher_hash(&self, channel: ChannelId, cumulative: Amount) -> [u8; 32] {
            Voucher {
                contract: self.env().account_id(),
                channel,
                cumulative,
            }
            .signing_hash()
        }

        #[ink(message)]
        fn channels_of(
            &self,
            account: AccountId,
            role: Role,
            from: u32,
            max: u32,
        ) -> Vec<(ChannelId, Channel)> {
            self.state.data.channels_of(account, role, from, max)
        }

        #[ink(message)]
        fn channel_count_of(&self, account: AccountId, role: Role) -> u32 {
            self.state.data.channel_count_of(account, role)
        }
    }

    impl HeldRefunds for Bandwidth {
        #[ink(message)]
        fn withdraw_held_payout(&mut self) -> Result<(), Error> {
            let fx = self
                .state
                .data
                .held
                .withdraw(self.env().caller())
                .ok_or(Error::NothingHeld)?;
            self.state.apply(fx.into())
        }

        #[ink(message)]
        fn held_payout_of(&self, account: AccountId) -> Balance {
            self.state.data.held.of(account)
        }
    }

    impl BandwidthGovernance for Bandwidth {
        #[ink(message)]
        fn set_fee(&mut self, fee: u32) -> Result<(), Error> {
            self.state.set_fee(fee)
        }

        #[ink(message)]
        fn fee(&self) -> u32 {
            self.state.fee_ppm
        }

        #[ink(message)]
        fn challenge_period(&self) -> BlockNumber {
            self.state.challenge_period
        }

        #[ink(message)]
        fn factory(&self) -> AccountId {
            self.state.factory
        }

        #[ink(message)]
        fn is_frozen(&self) -> bool {
            self.state.is_frozen()
        }
    }
}
