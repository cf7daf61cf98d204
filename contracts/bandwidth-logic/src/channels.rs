//! The channels' life: open, top up, redeem a voucher, close. Each check comes before any
//! change, so a refused call changes nothing.

use crt_traits::BlockNumber;
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::call::Call;
use crate::channel::{
    Amount, Asset, Channel, ChannelId, Redemption, Role, SignerKey, VoucherSignature, MAX_REFERENCE_LEN,
};
use crate::data::BandwidthData;
use crate::errors::Error;
use crate::events::{ChannelClosed, ChannelOpened, ChannelToppedUp, VoucherRedeemed};
use crate::moves::Moves;
use crate::voucher::Voucher;

/// What a payer asks for when opening a channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub seeder: AccountId,
    pub reference: Vec<u8>,
    pub signer: SignerKey,
    pub expires_at: BlockNumber,
    pub asset: Asset,
    pub deposit: Amount,
}

/// What a top-up adds, in base units: JOY sent with the call, or tokens of the channel's token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopUp {
    Joy(Amount),
    Tokens(Amount),
}

impl BandwidthData {
    /// Opens a channel from the caller with a deposit the contract has received (JOY sent
    /// with the call) or is about to move in (the token's `transfer_from`, which the contract
    /// makes after this succeeds).
    pub fn open(&mut self, call: &Call, opening: Opening) -> Result<(ChannelId, Moves), Error> {
        let Opening {
            seeder,
            reference,
            signer,
            expires_at,
            asset,
            deposit,
        } = opening;
        if reference.is_empty() {
            return Err(Error::ReferenceEmpty);
        }
        if reference.len() > MAX_REFERENCE_LEN {
            return Err(Error::ReferenceTooLong);
        }
        if seeder == call.caller {
            return Err(Error::SeederIsPayer);
        }
        if expires_at <= call.now {
            return Err(Error::ExpiryNotInFuture);
        }
        if deposit == 0 {
            return Err(Error::ZeroDeposit);
        }
        let id = self.next_channel_id;
        let next_id = id.checked_add(1).ok_or(Error::ArithmeticOverflow)?;
        let joy_in_channels = self.joy_after_deposit(asset, deposit)?;
        // The treasury cannot use a creator token (and holding one would keep the token from
        // ever being deissued): token channels pay no fee.
        let fee_ppm = match asset {
            Asset::Joy => call.fee_ppm,
            Asset::Token(_) => 0,
        };
        let channel = Channel {
            payer: call.caller,
            seeder,
            signer,
            reference: reference.clone(),
            asset,
            deposit,
            redeemed: 0,
            fees: 0,
            fee_ppm,
            expires_at,
            closed: false,
        };
        self.list(call.caller, Role::Payer, id)?;
        self.list(seeder, Role::Seeder, id)?;
        self.channels.insert(id, &channel);
        self.next_channel_id = next_id;
        self.joy_in_channels = joy_in_channels;
        let moves = Moves::new().event(ChannelOpened {
            channel: id,
            payer: call.caller,
            seeder,
            signer,
            reference,
            asset,
            deposit,
            fee_ppm,
            expires_at,
        });
        Ok((id, moves))
    }

    /// The payer adds to a channel's deposit what `top_up` says (the JOY sent with the call,
    /// or tokens the contract moves in afterwards) and may move the expiry later. Returns the
    /// channel's asset, so the contract knows which token to move in.
    pub fn top_up(
        &mut self,
        call: &Call,
        id: ChannelId,
        top_up: TopUp,
        expires_at: Option<BlockNumber>,
    ) -> Result<(Asset, Moves), Error> {
        let mut channel = self.channel(id).ok_or(Error::ChannelNotFound)?;
        if call.caller != channel.payer {
            return Err(Error::NotPayer);
        }
        if channel.closed {
            return Err(Error::ChannelClosed);
        }
        if call.now >= channel.expires_at {
            return Err(Error::ChannelExpired);
        }
        let amount = match (channel.asset, top_up) {
            (Asset::Joy, TopUp::Joy(amount)) | (Asset::Token(_), TopUp::Tokens(amount)) => amount,
            _ => return Err(Error::WrongAsset),
        };
        let expires_at = expires_at.unwrap_or(channel.expires_at);
        if expires_at < channel.expires_at {
            return Err(Error::ExpiryEarlier);
        }
        if amount == 0 && expires_at == channel.expires_at {
            return Err(Error::ZeroDeposit);
        }
        let deposit = channel
            .deposit
            .checked_add(amount)
            .ok_or(Error::ArithmeticOverflow)?;
        let joy_in_channels = self.joy_after_deposit(channel.asset, amount)?;
        channel.deposit = deposit;
        channel.expires_at = expires_at;
        self.channels.insert(id, &channel);
        self.joy_in_channels = joy_in_channels;
        let moves = Moves::new().event(ChannelToppedUp {
            channel: id,
            amount,
            deposit,
            expires_at,
        });
        Ok((channel.asset, moves))
    }

    /// What redeeming `cumulative` with `signature` on channel `id` would pay now, whoever
    /// asks (`call` gives the contract, the block and the challenge period); the refusal it
    /// would meet otherwise.
    pub fn redeemable(
        &self,
        call: &Call,
        id: ChannelId,
        cumulative: Amount,
        signature: &VoucherSignature,
    ) -> Result<Redemption, Error> {
        let channel = self.channel(id).ok_or(Error::ChannelNotFound)?;
        check_voucher(call, &channel, id, cumulative, signature)
    }

    /// The seeder redeems a voucher: it is paid what the voucher adds to the redeemed amount,
    /// less the fee (to the treasury).
    pub fn redeem(
        &mut self,
        call: &Call,
        id: ChannelId,
        cumulative: Amount,
        signature: &VoucherSignature,
    ) -> Result<(Redemption, Moves), Error> {
        let mut channel = self.channel(id).ok_or(Error::ChannelNotFound)?;
        if call.caller != channel.seeder {
            return Err(Error::NotSeeder);
        }
        let r = check_voucher(call, &channel, id, cumulative, signature)?;
        let fees = channel.fees.checked_add(r.fee).ok_or(Error::ArithmeticOverflow)?;
        let joy_in_channels = self.joy_after_payout(channel.asset, r.gross);
        channel.redeemed = r.redeemed;
        channel.fees = fees;
        self.channels.insert(id, &channel);
        self.joy_in_channels = joy_in_channels;
        let mut moves = Moves::new().event(VoucherRedeemed {
            channel: id,
            seeder: channel.seeder,
            redeemed: r.redeemed,
            gross: r.gross,
            fee: r.fee,
            net: r.net,
        });
        moves.pay(channel.asset, call.treasury, r.fee);
        moves.pay(channel.asset, channel.seeder, r.net);
        Ok((r, moves))
    }

    /// Closes a channel and refunds what was not redeemed to the payer: the seeder may close
    /// at any time (it gives up redeeming more), the payer from the end of the challenge
    /// period after expiry.
    pub fn close(&mut self, call: &Call, id: ChannelId) -> Result<Moves, Error> {
        let mut channel = self.channel(id).ok_or(Error::ChannelNotFound)?;
        let role = channel.role_of(call.caller).ok_or(Error::NotParty)?;
        if channel.closed {
            return Err(Error::ChannelClosed);
        }
        if role == Role::Payer && call.now < channel.payer_may_close_at(call.challenge_period) {
            return Err(Error::ChallengeNotOver);
        }
        let refund = channel.unredeemed();
        let joy_in_channels = self.joy_after_payout(channel.asset, refund);
        channel.closed = true;
        self.channels.insert(id, &channel);
        self.joy_in_channels = joy_in_channels;
        let mut moves = Moves::new().event(ChannelClosed {
            channel: id,
            closed_by: role,
            refund,
            redeemed: channel.redeemed,
        });
        moves.pay_third_party(channel.asset, channel.payer, refund);
        Ok(moves)
    }

    fn joy_after_deposit(&self, asset: Asset, amount: Amount) -> Result<Amount, Error> {
        match asset {
            Asset::Joy => self
                .joy_in_channels
                .checked_add(amount)
                .ok_or(Error::ArithmeticOverflow),
            Asset::Token(_) => Ok(self.joy_in_channels),
        }
    }

    fn joy_after_payout(&self, asset: Asset, amount: Amount) -> Amount {
        match asset {
            Asset::Joy => self.joy_in_channels.saturating_sub(amount),
            Asset::Token(_) => self.joy_in_channels,
        }
    }
}

/// The checks of a redemption at `call`'s block, cheapest first (the signature last).
fn check_voucher(
    call: &Call,
    channel: &Channel,
    id: ChannelId,
    cumulative: Amount,
    signature: &VoucherSignature,
) -> Result<Redemption, Error> {
    if channel.closed {
        return Err(Error::ChannelClosed);
    }
    if call.now >= channel.payer_may_close_at(call.challenge_period) {
        return Err(Error::RedeemWindowOver);
    }
    let redemption = channel.redemption(cumulative)?;
    let voucher = Voucher {
        contract: call.contract,
        channel: id,
        cumulative,
    };
    if voucher.signer(signature) != Some(channel.signer) {
        return Err(Error::BadSignature);
    }
    Ok(redemption)
}
