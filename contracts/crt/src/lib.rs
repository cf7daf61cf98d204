//! # Creator Token (CRT)
//!
//! One contract per token, deployed by the `factory`. PSP22 + PSP22Metadata + PSP22Burnable
//! (standard selectors from the `psp22` crate), vesting, bloat bonds, permissioned mode with a
//! Merkle whitelist, issuer hand-over.
//!
//! The `#[ink::contract]` module below is wiring only (ink! needs every message of a contract in
//! that one module, which is why this file is long): it reads the caller, the block and the
//! JOY sent, asks the factory for the frozen flag and the governance parameters
//! ([`factory_link`]), calls the logic on [`data::TokenData`] (one file per capability), then
//! pays out JOY and emits the events the logic returned ([`events::Effects`]).
#![cfg_attr(not(feature = "std"), no_std, no_main)]
#![deny(clippy::arithmetic_side_effects)]

/// Storage layout of a value stored whole (one cell), for types from `crt-core`, which has no
/// ink! dependency to derive it.
#[macro_export]
macro_rules! packed_storage_layout {
    ($t:ty) => {
        #[cfg(feature = "std")]
        impl ink::storage::traits::StorageLayout for $t {
            fn layout(key: &ink::primitives::Key) -> ink::metadata::layout::Layout {
                use ink::metadata::layout::{Layout, LayoutKey, LeafLayout};
                Layout::Leaf(LeafLayout::from_key::<Self>(LayoutKey::from(key)))
            }
        }
    };
}

pub mod accounts;
pub mod amm;
pub mod burn;
pub mod data;
pub mod errors;
pub mod events;
pub mod factory_link;
pub mod issuer;
pub mod patronage;
pub mod queries;
pub mod sale;
pub mod split;
pub mod transfers;
pub mod vesting;
pub mod whitelist;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_access;
#[cfg(test)]
mod tests_amm;
#[cfg(test)]
mod tests_hostile;
#[cfg(test)]
mod tests_invariants;
#[cfg(test)]
mod tests_revenue;
#[cfg(test)]
mod tests_sale;
#[cfg(test)]
mod tests_transfers;

pub type Balance = u128;

pub use errors::Error;

#[ink::contract]
pub mod crt {
    use crt_core::bonds::bonds_for;
    use crt_core::vesting::{VestingSchedule, VestingSource};
    use crt_traits::{IssuanceParams, ProofStep, TokenConstraints, TokenContext, PERMILL_ONE};
    use ink::prelude::{string::String, vec::Vec};
    use ink::storage::Lazy;
    use psp22::{PSP22Burnable, PSP22Error, PSP22Metadata, PSP22};

    use crate::accounts::AccountData;
    pub use crate::amm::{AmmQuote, AmmState};
    use crate::data::{RevenueSplit, TokenData, TokenInfo};
    use crate::events::{transfer_event, Effects, VestingScheduleAdded};
    use crate::factory_link;
    use crate::queries::{AccountInfo, TokenMetadata};
    pub use crate::sale::{OfferingState, SaleAccessProof, SaleParams, SaleQuote, TokenSale};
    pub use crate::transfers::TransferOutput;
    pub use crate::Error;

    #[ink(storage)]
    pub struct Crt {
        /// The factory that deployed the token: source of the frozen flag and parameters.
        factory: AccountId,
        data: TokenData,
        metadata: Lazy<TokenMetadata>,
    }

    impl Crt {
        /// Deploys a token; called by the factory's `issue_token`, which validated `params`
        /// against governance's constraints and forwards the bloat bonds as the endowment.
        /// `blocks_per_year` is the chain's (patronage compounding).
        /// The caller is recorded as the factory. Creates one account per non-zero allocation.
        ///
        /// # Errors
        /// `InvalidIssuanceParams` (malformed parameters), `InsufficientBloatBond` (endowment
        /// below `bloat_bond` × accounts), `InvalidVestingParams` / `BlockNumberOverflow`
        /// (an allocation's vesting), `ArithmeticOverflow`.
        ///
        /// # Events
        /// A PSP22 `Transfer` (from `None`) per allocation, `VestingScheduleAdded` per vested
        /// allocation, `BondCharged` per account when the bond is not zero.
        #[ink(constructor, payable)]
        pub fn new(
            token_id: u64,
            issuer: AccountId,
            params: IssuanceParams,
            bloat_bond: Balance,
            blocks_per_year: BlockNumber,
        ) -> Result<Self, Error> {
            // Governance's patronage cap is the factory's to enforce; here only the shape.
            let shape_only = TokenConstraints {
                max_yearly_patronage_rate: PERMILL_ONE,
                ..TokenConstraints::defaults(bloat_bond)
            };
            let accounts = params
                .validate(&shape_only)
                .map_err(|_| Error::InvalidIssuanceParams)?;
            let owed = bonds_for(accounts, bloat_bond).map_err(|_| Error::ArithmeticOverflow)?;
            if Self::env().transferred_value() < owed {
                return Err(Error::InsufficientBloatBond);
            }
            let now = Self::env().block_number();
            let supply = params.initial_supply();
            let mut data = TokenData::new(TokenInfo {
                token_id,
                issuer,
                pending_issuer: None,
                total_supply: supply,
                tokens_issued: supply,
                accounts_number: 0,
                transfer_policy: params.transfer_policy,
                bloat_bonds_held: 0,
                bond_deposits_total: 0,
                patronage_rate: params.patronage_rate,
                patronage_tally: 0,
                patronage_tally_block: now,
                blocks_per_year: blocks_per_year.max(1),
                revenue_split_rate: params.revenue_split_rate,
                revenue_split: None,
                next_revenue_split_id: 0,
                next_sale_id: 0,
                decimals: params.decimals,
                issued_at: now,
                deissued: false,
            });
            let mut fx = Effects::new();
            for allocation in params.initial_allocation.iter().filter(|a| a.amount > 0) {
                let mut account = AccountData::with_bond(bloat_bond);
                account.amount = allocation.amount;
                if let Some(params) = &allocation.vesting {
                    let schedule = VestingSchedule::from_params(now, allocation.amount, params)?;
                    account
                        .vesting
                        .add(VestingSource::InitialIssuance, schedule, now)?;
                    fx.push(VestingScheduleAdded {
                        account: allocation.account,
                        source: VestingSource::InitialIssuance,
                        schedule,
                    });
                }
                fx.push(transfer_event(None, Some(allocation.account), allocation.amount));
                data.save_account(allocation.account, &account, true, issuer, &mut fx)?;
            }
            let mut metadata = Lazy::new();
            metadata.set(&TokenMetadata {
                name: params.name,
                symbol: params.symbol,
                decimals: params.decimals,
                metadata: params.metadata,
            });
            for event in fx.events {
                event.emit();
            }
            Ok(Self {
                factory: Self::env().caller(),
                data,
                metadata,
            })
        }

        // ---- wiring helpers ------------------------------------------------------------

        /// The factory's answer for a state-changing message: fails on a deissued token, an
        /// unreachable factory and while governance has frozen the suite.
        fn context(&self) -> Result<TokenContext, Error> {
            self.data.ensure_live()?;
            let context = self.parameters()?;
            if context.frozen {
                return Err(Error::Frozen);
            }
            Ok(context)
        }

        /// The factory's answer for a query: governance's current parameters, frozen or not
        /// (queries keep answering while the suite is frozen).
        fn parameters(&self) -> Result<TokenContext, Error> {
            factory_link::token_context(self.factory)
        }

        fn bond(&self) -> Result<Balance, Error> {
            Ok(self.context()?.constraints.bloat_bond)
        }

        /// Pays out JOY, then emits the events, of a successful logic call.
        fn apply(&self, fx: Effects) -> Result<(), Error> {
            for (to, amount) in fx.payouts {
                self.env()
                    .transfer(to, amount)
                    .map_err(|_| Error::JoyTransferFailed)?;
            }
            for event in fx.events {
                event.emit();
            }
            Ok(())
        }

        fn caller(&self) -> AccountId {
            self.env().caller()
        }

        fn now(&self) -> BlockNumber {
            self.env().block_number()
        }

        // ---- transfers -----------------------------------------------------------------

        /// Sends tokens from the caller's transferrable balance to up to `MAX_OUTPUTS`
        /// (24) distinct accounts. Payable: send `bloat_bond` JOY for each destination that is
        /// not an account yet; the excess is refunded. Zero-amount outputs are skipped and
        /// never create accounts. On a permissioned token every destination must exist.
        ///
        /// # Errors
        /// `Frozen`, `MetadataTooLong`, `NoOutputs`, `TooManyOutputs`, `TransferToSelf`,
        /// `DuplicateOutput`, `ArithmeticOverflow`, `AccountDoesNotExist` (the caller),
        /// `InsufficientTransferrableBalance`, `DestinationAccountDoesNotExist`,
        /// `InsufficientBloatBond`.
        ///
        /// # Events
        /// A PSP22 `Transfer` per credited output, `BondCharged` per account created (bond > 0),
        /// then `TokensTransferred` with the metadata.
        #[ink(message, payable)]
        pub fn multi_transfer(
            &mut self,
            outputs: Vec<(AccountId, Balance)>,
            metadata: Vec<u8>,
        ) -> Result<(), Error> {
            let bond = self.bond()?;
            let paid = self.env().transferred_value();
            let fx = self
                .data
                .multi_transfer(self.caller(), self.now(), paid, bond, outputs, metadata)?;
            self.apply(fx)
        }

        /// Issuer only: sends tokens from the issuer's account, each output optionally locked
        /// by a vesting schedule that starts at this block. May create accounts on a
        /// permissioned token. Payable like `multi_transfer` (bonds of new accounts).
        ///
        /// # Errors
        /// As `multi_transfer` plus `NotIssuer`, `InvalidVestingParams`, `BlockNumberOverflow`,
        /// `MaxVestingSchedulesReached`.
        ///
        /// # Events
        /// As `multi_transfer` plus `VestingScheduleAdded` per vested output.
        #[ink(message, payable)]
        pub fn issuer_transfer(
            &mut self,
            outputs: Vec<TransferOutput>,
            metadata: Vec<u8>,
        ) -> Result<(), Error> {
            let bond = self.bond()?;
            let paid = self.env().transferred_value();
            let fx = self
                .data
                .issuer_transfer(self.caller(), self.now(), paid, bond, outputs, metadata)?;
            self.apply(fx)
        }

        /// Deposits the JOY sent to pay the bloat bonds of PSP22 transfers (and
        /// `transfer_from`s) the caller makes to new accounts: PSP22 messages cannot carry JOY.
        ///
        /// # Errors
        /// `Frozen`, `ZeroAmount`, `ArithmeticOverflow`.
        ///
        /// # Events
        /// `BondDepositChanged` with the new deposit.
        #[ink(message, payable)]
        pub fn deposit_for_bonds(&mut self) -> Result<(), Error> {
            self.context()?;
            let fx = self
                .data
                .deposit_for_bonds(self.caller(), self.env().transferred_value())?;
            self.apply(fx)
        }

        /// Withdraws `amount` of the caller's unused bond deposit. Works while frozen and
        /// after deissue: it only returns the caller's own JOY.
        ///
        /// # Errors
        /// `ZeroAmount`, `InsufficientBondDeposit`, `JoyTransferFailed`.
        ///
        /// # Events
        /// `BondDepositChanged` with the remaining deposit.
        #[ink(message)]
        pub fn withdraw_bond_deposit(&mut self, amount: Balance) -> Result<(), Error> {
            let fx = self.data.withdraw_bond_deposit(self.caller(), amount)?;
            self.apply(fx)
        }

        // ---- accounts and whitelist ------------------------------------------------------

        /// Removes `account` if it holds nothing, and pays its bloat bond to the caller.
        /// Permissionless token: anyone may dust; permissioned: only the account itself.
        ///
        /// # Errors
        /// `Frozen`, `AccountDoesNotExist`, `NonEmptyAccount`,
        /// `NotAccountOwnerInPermissionedMode`, `JoyTransferFailed`.
        ///
        /// # Events
        /// `AccountDusted`.
        #[ink(message)]
        pub fn dust_account(&mut self, account: AccountId) -> Result<(), Error> {
            self.context()?;
            let fx = self.data.dust_account(self.caller(), account)?;
            self.apply(fx)
        }

        /// Permissioned token: creates the caller's empty account, given a Merkle proof (at
        /// most 32 steps) that the caller is in the whitelist. Payable: the bloat bond; the
        /// excess is refunded.
        ///
        /// # Errors
        /// `Frozen`, `NotPermissioned`, `AccountAlreadyExists`, `MerkleProofTooLong`,
        /// `MerkleProofVerificationFailure`, `InsufficientBloatBond`.
        ///
        /// # Events
        /// `MemberJoinedWhitelist`, `BondCharged` (bond > 0).
        #[ink(message, payable)]
        pub fn join_whitelist(&mut self, proof: Vec<ProofStep>) -> Result<(), Error> {
            let bond = self.bond()?;
            let paid = self.env().transferred_value();
            let fx = self.data.join_whitelist(self.caller(), paid, bond, proof)?;
            self.apply(fx)
        }

        /// Issuer only: makes a permissioned token permissionless. There is no way back.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`, `AlreadyPermissionless`.
        ///
        /// # Events
        /// `TransferPolicyChangedToPermissionless`.
        #[ink(message)]
        pub fn change_to_permissionless(&mut self) -> Result<(), Error> {
            self.context()?;
            let fx = self.data.change_to_permissionless(self.caller())?;
            self.apply(fx)
        }

        // ---- issuer role ---------------------------------------------------------------

        /// Issuer only: proposes a successor (`None` withdraws the proposal). The role moves
        /// when the successor calls `accept_issuer`.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`.
        ///
        /// # Events
        /// `IssuerTransferProposed`.
        #[ink(message)]
        pub fn propose_issuer(&mut self, new_issuer: Option<AccountId>) -> Result<(), Error> {
            self.context()?;
            let fx = self.data.propose_issuer(self.caller(), new_issuer)?;
            self.apply(fx)
        }

        /// The proposed successor becomes the issuer; the factory's index follows.
        ///
        /// # Errors
        /// `Frozen`, `NotPendingIssuer`, `FactoryRejected` / `FactoryUnavailable` (the index
        /// update failed; nothing changes).
        ///
        /// # Events
        /// `IssuerChanged`.
        #[ink(message)]
        pub fn accept_issuer(&mut self) -> Result<(), Error> {
            self.context()?;
            let caller = self.caller();
            // Validate, have the factory re-index, then change the role.
            self.data.ensure_pending_issuer(caller)?;
            factory_link::record_issuer_change(self.factory, self.data.info.token_id, caller)?;
            let fx = self.data.accept_issuer(caller)?;
            self.apply(fx)
        }

        /// Factory only (its `deissue_token`, on behalf of `issuer`): retires the token once
        /// no account remains. Afterwards only queries and bond-deposit withdrawals work.
        ///
        /// # Errors
        /// `TokenDeissued`, `NotFactory`, `NotIssuer`, `CannotDeissueWithOutstandingAccounts`.
        ///
        /// # Events
        /// `TokenDeissued`.
        #[ink(message)]
        pub fn deissue(&mut self, issuer: AccountId) -> Result<(), Error> {
            // No factory query here: the factory is the caller (it checked the frozen flag),
            // and pallet-contracts refuses the re-entrant call back into it.
            self.data.ensure_live()?;
            let fx = self.data.deissue(self.caller() == self.factory, issuer)?;
            self.apply(fx)
        }

        // ---- patronage -----------------------------------------------------------------

        /// Issuer only: mints the patronage credit accrued so far (the yearly rate compounded
        /// over the blocks since the last claim, plus credit kept from before rate reductions)
        /// to the issuer's account. Payable: an issuer without an account sends its bloat
        /// bond; the excess is refunded. Nothing to claim: no-op.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`, `CannotModifySupplyWhenRevenueSplitsAreActive`,
        /// `InsufficientBloatBond`, `ArithmeticOverflow`.
        ///
        /// # Events
        /// `Transfer` (from `None`), `BondCharged` (account created), `PatronageCreditClaimed`.
        #[ink(message, payable)]
        pub fn claim_patronage_credit(&mut self) -> Result<(), Error> {
            let bond = self.bond()?;
            let paid = self.env().transferred_value();
            let fx = self
                .data
                .claim_patronage_credit(self.caller(), self.now(), paid, bond)?;
            self.apply(fx)
        }

        /// Issuer only: lowers the yearly patronage rate (ppm). Credit accrued at the old rate
        /// is kept for the next claim. The same rate: no-op.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`, `TargetPatronageRateIsHigherThanCurrentRate`,
        /// `ArithmeticOverflow`.
        ///
        /// # Events
        /// `PatronageRateDecreasedTo`.
        #[ink(message)]
        pub fn reduce_patronage_rate_to(&mut self, rate: u32) -> Result<(), Error> {
            self.context()?;
            let fx = self
                .data
                .reduce_patronage_rate_to(self.caller(), self.now(), rate)?;
            self.apply(fx)
        }

        /// Patronage credit the issuer could claim now.
        ///
        /// # Errors
        /// `ArithmeticOverflow` (beyond `u128`).
        #[ink(message)]
        pub fn claimable_patronage(&self) -> Result<Balance, Error> {
            self.data.claimable_patronage(self.now())
        }

        // ---- revenue split -------------------------------------------------------------

        /// Issuer only: pays revenue in (the JOY sent). Holders' allocation is
        /// `revenue_split_rate` × value; the rest is refunded at once. Holders stake during
        /// `[start, start + duration)`; `start` defaults to now + governance's minimum time
        /// to start. Until `finalize_revenue_split`, the supply cannot change.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`, `RevenueSplitAlreadyActive`,
        /// `CannotIssueSplitWithZeroAllocation`, `RevenueSplitDurationTooShort`,
        /// `RevenueSplitTimeToStartTooShort`, `BlockNumberOverflow`.
        ///
        /// # Events
        /// `RevenueSplitIssued`.
        #[ink(message, payable)]
        pub fn issue_revenue_split(
            &mut self,
            start: Option<BlockNumber>,
            duration: BlockNumber,
        ) -> Result<(), Error> {
            let context = self.context()?;
            let paid = self.env().transferred_value();
            let fx = self.data.issue_revenue_split(
                self.caller(),
                self.now(),
                paid,
                &context.constraints,
                start,
                duration,
            )?;
            self.apply(fx)
        }

        /// Stakes `amount` of the caller's tokens (vesting-locked ones count) in the ongoing
        /// split and pays `amount / total_supply × allocation` JOY at once. The stake stays
        /// locked until `exit_revenue_split` after the end. Once per split.
        ///
        /// # Errors
        /// `Frozen`, `ZeroAmount`, `RevenueSplitNotActive`, `RevenueSplitNotOngoing`,
        /// `AccountDoesNotExist`, `UserAlreadyParticipating`,
        /// `InsufficientBalanceForSplitParticipation`.
        ///
        /// # Events
        /// `UserParticipatedInSplit`.
        #[ink(message)]
        pub fn participate_in_split(&mut self, amount: Balance) -> Result<(), Error> {
            self.context()?;
            let fx = self
                .data
                .participate_in_split(self.caller(), self.now(), amount)?;
            self.apply(fx)
        }

        /// Unstakes the caller's tokens once their split has ended.
        ///
        /// # Errors
        /// `Frozen`, `AccountDoesNotExist`, `UserNotParticipatingInAnySplit`,
        /// `RevenueSplitDidNotEnd`.
        ///
        /// # Events
        /// `RevenueSplitLeft`.
        #[ink(message)]
        pub fn exit_revenue_split(&mut self) -> Result<(), Error> {
            self.context()?;
            let fx = self.data.exit_revenue_split(self.caller(), self.now())?;
            self.apply(fx)
        }

        /// Issuer only, after the end: closes the split and pays the unclaimed allocation
        /// back to the issuer. Stakes stay locked until each holder exits.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`, `RevenueSplitNotActive`, `RevenueSplitDidNotEnd`.
        ///
        /// # Events
        /// `RevenueSplitFinalized`.
        #[ink(message)]
        pub fn finalize_revenue_split(&mut self) -> Result<(), Error> {
            self.context()?;
            let fx = self.data.finalize_revenue_split(self.caller(), self.now())?;
            self.apply(fx)
        }

        /// The revenue split from issue to finalize, if any.
        #[ink(message)]
        pub fn revenue_split(&self) -> Option<RevenueSplit> {
            self.data.info.revenue_split
        }

        /// The dividend staking `amount` in the current split would pay.
        #[ink(message)]
        pub fn dividend_preview(&self, amount: Balance) -> Balance {
            self.data.dividend_preview(amount)
        }

        // ---- fixed-price sale ----------------------------------------------------------

        /// Issuer only: opens a sale of `params.quantity` tokens from the issuer's
        /// transferrable balance (held in escrow) at `unit_price` JOY per base unit, from
        /// `start` (default now) for `duration` blocks, optionally vested from the sale's end,
        /// capped per buyer, and/or restricted to a Merkle whitelist of `(buyer, cap)`.
        /// Proceeds net of the platform fee go to `earnings_destination` (default: the
        /// issuer). With `auto_finalize` the sale closes itself when sold out.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`, `SaleUnitPriceIsZero`, `SaleQuantityIsZero`,
        /// `SaleStartingBlockInThePast`, `SaleDurationIsZero`, `SaleDurationTooShort`,
        /// `BlockNumberOverflow`, `SaleCapPerBuyerIsZero`, `MetadataTooLong`,
        /// `InvalidVestingParams`, `TokenIssuanceNotInIdleState`, `PreviousSaleNotFinalized`,
        /// `AccountDoesNotExist`, `InsufficientTransferrableBalance`.
        ///
        /// # Events
        /// `Transfer` (issuer → token contract: the escrow), `TokenSaleInitialized`.
        #[ink(message)]
        pub fn init_token_sale(
            &mut self,
            params: SaleParams,
            earnings_destination: Option<AccountId>,
            auto_finalize: bool,
        ) -> Result<(), Error> {
            let context = self.context()?;
            let this = self.env().account_id();
            let fx = self.data.init_token_sale(
                self.caller(),
                self.now(),
                this,
                &context.constraints,
                params,
                earnings_destination,
                auto_finalize,
            )?;
            self.apply(fx)
        }

        /// Issuer only: moves the start and/or changes the duration of a sale that has not
        /// started yet.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`, `NoUpcomingSale`, `SaleDurationIsZero`,
        /// `SaleDurationTooShort`, `SaleStartingBlockInThePast`, `BlockNumberOverflow`.
        ///
        /// # Events
        /// `UpcomingTokenSaleUpdated`.
        #[ink(message)]
        pub fn update_upcoming_sale(
            &mut self,
            new_start: Option<BlockNumber>,
            new_duration: Option<BlockNumber>,
        ) -> Result<(), Error> {
            let context = self.context()?;
            let fx = self.data.update_upcoming_sale(
                self.caller(),
                self.now(),
                &context.constraints,
                new_start,
                new_duration,
            )?;
            self.apply(fx)
        }

        /// Buys `amount` tokens on the ongoing sale. Payable: send `unit_price × amount`
        /// (see `sale_quote`) plus the bloat bond if the caller has no account; the excess is
        /// refunded. Whitelisted sales need `access` (the caller's cap and Merkle proof).
        ///
        /// # Errors
        /// `Frozen`, `SalePurchaseAmountIsZero`, `NoActiveSale`, `NotEnoughTokensOnSale`,
        /// `SaleAccessProofRequired`, `MerkleProofTooLong`, `MerkleProofVerificationFailure`,
        /// `DestinationAccountDoesNotExist` (permissioned token), `SalePurchaseCapExceeded`,
        /// `MaxVestingSchedulesReached`, `ArithmeticOverflow`, `InsufficientPayment`.
        ///
        /// # Events
        /// `Transfer` (token contract → buyer), `VestingScheduleAdded`, `BondCharged`,
        /// `TokensPurchasedOnSale`, and `TokenSaleFinalized` when it sells out an
        /// auto-finalizing sale.
        #[ink(message, payable)]
        pub fn purchase_tokens_on_sale(
            &mut self,
            amount: Balance,
            access: Option<SaleAccessProof>,
        ) -> Result<(), Error> {
            let context = self.context()?;
            let (this, paid) = (self.env().account_id(), self.env().transferred_value());
            let fx = self.data.purchase_tokens_on_sale(
                self.caller(),
                self.now(),
                this,
                self.factory,
                &context.constraints,
                paid,
                amount,
                access,
            )?;
            self.apply(fx)
        }

        /// Issuer only, once the sale ended or sold out: unsold tokens return to the account
        /// they came from. The event reports the JOY collected.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`, `NoSaleToFinalize`, `SaleNotEnded`.
        ///
        /// # Events
        /// `Transfer` (token contract → source, if any left), `TokenSaleFinalized`.
        #[ink(message)]
        pub fn finalize_token_sale(&mut self) -> Result<(), Error> {
            self.context()?;
            let this = self.env().account_id();
            let fx = self.data.finalize_token_sale(self.caller(), self.now(), this)?;
            self.apply(fx)
        }

        /// Idle, upcoming sale, ongoing sale, ended sale awaiting finalize, or AMM.
        #[ink(message)]
        pub fn offering_state(&self) -> OfferingState {
            self.data.offering_state(self.now())
        }

        /// The sale from init until finalize.
        #[ink(message)]
        pub fn current_sale(&self) -> Option<TokenSale> {
            self.data.sale()
        }

        /// Tokens `buyer` bought in the current sale.
        #[ink(message)]
        pub fn purchased_on_sale(&self, buyer: AccountId) -> Balance {
            self.data.purchased_on_sale(buyer)
        }

        /// Cost of buying `amount` on the current sale, with the platform fee and the
        /// destination's share (asks the factory for the fee).
        ///
        /// # Errors
        /// `NoActiveSale`, `ArithmeticOverflow`, `FactoryUnavailable`.
        #[ink(message)]
        pub fn sale_quote(&self, amount: Balance) -> Result<SaleQuote, Error> {
            let context = self.parameters()?;
            self.data
                .sale_quote(amount, context.constraints.sale_platform_fee)
        }

        // ---- bonding-curve AMM ----------------------------------------------------------

        /// Issuer only: starts the AMM. Price per whole token at AMM supply `s` (base units):
        /// `intercept + slope × s / 10^decimals`, both in JOY base units. Only when idle (no
        /// sale, not even an unfinalized one); `slope` ≥ governance's minimum.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`, `TokenIssuanceNotInIdleState`, `CurveSlopeParametersTooLow`.
        ///
        /// # Events
        /// `AmmActivated`.
        #[ink(message)]
        pub fn activate_amm(&mut self, slope: Balance, intercept: Balance) -> Result<(), Error> {
            let context = self.context()?;
            let fx =
                self.data
                    .activate_amm(self.caller(), self.now(), &context.constraints, slope, intercept)?;
            self.apply(fx)
        }

        /// Mints `amount` tokens at the curve's price (see `quote_buy`). Payable: send the
        /// cost plus the buy fee (plus the bloat bond if the caller has no account); the
        /// excess is refunded. Fails if the total exceeds `max_cost` or after block
        /// `deadline`. Zero: nothing happens (the JOY sent is refunded).
        ///
        /// # Errors
        /// `Frozen`, `DeadlineExpired`, `CannotModifySupplyWhenRevenueSplitsAreActive`,
        /// `NotInAmmState`, `ArithmeticOverflow`, `SlippageToleranceExceeded`,
        /// `DestinationAccountDoesNotExist` (permissioned token), `InsufficientPayment`.
        ///
        /// # Events
        /// `Transfer` (from `None`), `BondCharged`, `TokensBoughtOnAmm`.
        #[ink(message, payable)]
        pub fn buy_on_amm(
            &mut self,
            amount: Balance,
            max_cost: Option<Balance>,
            deadline: Option<BlockNumber>,
        ) -> Result<(), Error> {
            let context = self.context()?;
            let paid = self.env().transferred_value();
            let fx = self.data.buy_on_amm(
                self.caller(),
                self.now(),
                self.factory,
                &context.constraints,
                paid,
                amount,
                max_cost,
                deadline,
            )?;
            self.apply(fx)
        }

        /// Burns `amount` of the caller's transferrable tokens into the curve and pays the
        /// proceeds minus the sell fee (see `quote_sell`). Fails if that is below
        /// `min_proceeds` or after block `deadline`. Zero: nothing happens.
        ///
        /// # Errors
        /// `Frozen`, `DeadlineExpired`, `CannotModifySupplyWhenRevenueSplitsAreActive`,
        /// `NotInAmmState`, `AccountDoesNotExist`, `InsufficientTransferrableBalance`,
        /// `NotEnoughTokenMintedByAmm`, `SlippageToleranceExceeded`, `ArithmeticOverflow`.
        ///
        /// # Events
        /// `Transfer` (to `None`), `TokensSoldOnAmm`.
        #[ink(message)]
        pub fn sell_on_amm(
            &mut self,
            amount: Balance,
            min_proceeds: Option<Balance>,
            deadline: Option<BlockNumber>,
        ) -> Result<(), Error> {
            let context = self.context()?;
            let fx = self.data.sell_on_amm(
                self.caller(),
                self.now(),
                self.factory,
                &context.constraints,
                amount,
                min_proceeds,
                deadline,
            )?;
            self.apply(fx)
        }

        /// Issuer only: stops the AMM when its supply is at most governance's threshold share
        /// of the total supply (none at all always qualifies). The reserve left goes to the
        /// platform treasury.
        ///
        /// # Errors
        /// `Frozen`, `NotIssuer`, `NotInAmmState`, `OutstandingAmmProvidedSupplyTooLarge`.
        ///
        /// # Events
        /// `AmmDeactivated`.
        #[ink(message)]
        pub fn deactivate_amm(&mut self) -> Result<(), Error> {
            let context = self.context()?;
            let fx = self
                .data
                .deactivate_amm(self.caller(), self.factory, &context.constraints)?;
            self.apply(fx)
        }

        /// The AMM's curve, provided supply and reserve, while active.
        #[ink(message)]
        pub fn amm_state(&self) -> Option<AmmState> {
            self.data.amm()
        }

        /// Curve cost of buying `amount` now and the fee on top.
        ///
        /// # Errors
        /// `NotInAmmState`, `ArithmeticOverflow`, `FactoryUnavailable`.
        #[ink(message)]
        pub fn quote_buy(&self, amount: Balance) -> Result<AmmQuote, Error> {
            let context = self.parameters()?;
            self.data.quote_buy(amount, context.constraints.amm_buy_tx_fee)
        }

        /// Curve proceeds of selling `amount` now and the fee taken off.
        ///
        /// # Errors
        /// `NotInAmmState`, `NotEnoughTokenMintedByAmm`, `ArithmeticOverflow`,
        /// `FactoryUnavailable`.
        #[ink(message)]
        pub fn quote_sell(&self, amount: Balance) -> Result<AmmQuote, Error> {
            let context = self.parameters()?;
            self.data.quote_sell(amount, context.constraints.amm_sell_tx_fee)
        }

        /// The most tokens `budget` JOY buys now, fee included (bond not included).
        ///
        /// # Errors
        /// `NotInAmmState`, `FactoryUnavailable`.
        #[ink(message)]
        pub fn max_buy_for_budget(&self, budget: Balance) -> Result<Balance, Error> {
            let context = self.parameters()?;
            self.data
                .max_buy_for_budget(budget, context.constraints.amm_buy_tx_fee)
        }

        // ---- queries -------------------------------------------------------------------

        /// Token-wide state: id, issuer, supply, accounts, policy, bonds held, rates.
        #[ink(message)]
        pub fn token_info(&self) -> TokenInfo {
            self.data.info.clone()
        }

        /// Name, symbol, decimals and the issuer's metadata bytes.
        #[ink(message)]
        pub fn token_metadata(&self) -> TokenMetadata {
            self.stored_metadata()
        }

        /// The factory that deployed this token.
        #[ink(message)]
        pub fn factory(&self) -> AccountId {
            self.factory
        }

        /// The account of `owner` evaluated at the current block (`None`: no account).
        #[ink(message)]
        pub fn account_info(&self, owner: AccountId) -> Option<AccountInfo> {
            self.data.account_info(owner, self.now())
        }

        /// Whether `owner` has an account (possibly empty).
        #[ink(message)]
        pub fn is_account(&self, owner: AccountId) -> bool {
            self.data.is_account(owner)
        }

        /// Tokens `owner` could transfer at `block` (past or future), with its current stake.
        #[ink(message)]
        pub fn transferrable_at(&self, owner: AccountId, block: BlockNumber) -> Balance {
            self.data.transferrable_at(owner, block)
        }

        /// Tokens of `owner` locked by vesting at `block`.
        #[ink(message)]
        pub fn vesting_locked_at(&self, owner: AccountId, block: BlockNumber) -> Balance {
            self.data.vesting_locked_at(owner, block)
        }

        /// `owner`'s unused JOY deposit for PSP22-transfer bonds.
        #[ink(message)]
        pub fn bond_deposit_of(&self, owner: AccountId) -> Balance {
            self.data.bond_deposit_of(owner)
        }

        /// JOY the token must hold for others: bonds of existing accounts plus bond deposits.
        #[ink(message)]
        pub fn joy_liabilities(&self) -> Balance {
            self.data.joy_liabilities()
        }

        /// The current bloat bond for new accounts (asks the factory; answers while frozen).
        ///
        /// # Errors
        /// `FactoryUnavailable`.
        #[ink(message)]
        pub fn current_bloat_bond(&self) -> Result<Balance, Error> {
            Ok(self.parameters()?.constraints.bloat_bond)
        }

        /// The logic behind the wiring, for unit tests of errors the PSP22 mapping hides.
        #[cfg(test)]
        pub(crate) fn data_mut(&mut self) -> &mut TokenData {
            &mut self.data
        }

        fn stored_metadata(&self) -> TokenMetadata {
            self.metadata.get().unwrap_or(TokenMetadata {
                name: String::new(),
                symbol: String::new(),
                decimals: 0,
                metadata: Vec::new(),
            })
        }
    }

    impl PSP22 for Crt {
        /// Circulating supply.
        #[ink(message)]
        fn total_supply(&self) -> Balance {
            self.data.info.total_supply
        }

        /// Everything `owner` holds, vesting-locked and staked tokens included (see
        /// `account_info` for the transferrable part). The token contract's own balance is
        /// the sale escrow, so balances always add up to the supply.
        #[ink(message)]
        fn balance_of(&self, owner: AccountId) -> Balance {
            let held = self.data.account(owner).map(|a| a.amount).unwrap_or_default();
            if owner == self.env().account_id() {
                return held.saturating_add(self.data.escrow());
            }
            held
        }

        /// What `spender` may still move from `owner` with `transfer_from`.
        #[ink(message)]
        fn allowance(&self, owner: AccountId, spender: AccountId) -> Balance {
            self.data.allowance(owner, spender)
        }

        /// Moves `value` of the caller's transferrable tokens to `to`. A new destination's
        /// bond comes from the caller's `deposit_for_bonds`. Permissioned: `to` must exist.
        ///
        /// # Errors
        /// `InsufficientBalance` (transferrable too low), `Custom("Frozen")`,
        /// `Custom("DestinationAccountDoesNotExist")`, `Custom("InsufficientBondDeposit")`.
        ///
        /// # Events
        /// `Transfer`, `BondCharged` when an account is created with a bond.
        #[ink(message)]
        fn transfer(&mut self, to: AccountId, value: Balance, _data: Vec<u8>) -> Result<(), PSP22Error> {
            let bond = self.bond()?;
            let caller = self.caller();
            let fx = self
                .data
                .psp22_transfer(caller, caller, to, value, self.now(), bond)?;
            Ok(self.apply(fx)?)
        }

        /// As `transfer`, from `from` using the caller's allowance; the caller's bond deposit
        /// pays for a new destination.
        ///
        /// # Errors
        /// `InsufficientAllowance`, then as `transfer`.
        ///
        /// # Events
        /// `Approval` (new allowance), `Transfer`.
        #[ink(message)]
        fn transfer_from(
            &mut self,
            from: AccountId,
            to: AccountId,
            value: Balance,
            _data: Vec<u8>,
        ) -> Result<(), PSP22Error> {
            let bond = self.bond()?;
            let fx = self
                .data
                .psp22_transfer_from(self.caller(), from, to, value, self.now(), bond)?;
            Ok(self.apply(fx)?)
        }

        /// # Events
        /// `Approval`.
        #[ink(message)]
        fn approve(&mut self, spender: AccountId, value: Balance) -> Result<(), PSP22Error> {
            self.context()?;
            let fx = self.data.approve(self.caller(), spender, value);
            Ok(self.apply(fx)?)
        }

        /// # Events
        /// `Approval`.
        #[ink(message)]
        fn increase_allowance(&mut self, spender: AccountId, delta_value: Balance) -> Result<(), PSP22Error> {
            self.context()?;
            let fx = self
                .data
                .increase_allowance(self.caller(), spender, delta_value)?;
            Ok(self.apply(fx)?)
        }

        /// # Errors
        /// `InsufficientAllowance`.
        ///
        /// # Events
        /// `Approval`.
        #[ink(message)]
        fn decrease_allowance(&mut self, spender: AccountId, delta_value: Balance) -> Result<(), PSP22Error> {
            self.context()?;
            let fx = self
                .data
                .decrease_allowance(self.caller(), spender, delta_value)?;
            Ok(self.apply(fx)?)
        }
    }

    impl PSP22Metadata for Crt {
        /// The token's name.
        #[ink(message)]
        fn token_name(&self) -> Option<String> {
            Some(self.stored_metadata().name)
        }

        /// The token's symbol (unique among the factory's live tokens).
        #[ink(message)]
        fn token_symbol(&self) -> Option<String> {
            Some(self.stored_metadata().symbol)
        }

        /// Decimals: one token is `10^decimals` base units.
        #[ink(message)]
        fn token_decimals(&self) -> u8 {
            self.stored_metadata().decimals
        }
    }

    impl PSP22Burnable for Crt {
        /// Burns `value` of the caller's tokens, vesting-locked ones first; staked and locked
        /// tokens may be burned. Zero is a no-op.
        ///
        /// # Errors
        /// `InsufficientBalance` (more than the account holds), `Custom("Frozen")`,
        /// `Custom("CannotModifySupplyWhenRevenueSplitsAreActive")`.
        ///
        /// # Events
        /// `Transfer` to `None`.
        #[ink(message)]
        fn burn(&mut self, value: Balance) -> Result<(), PSP22Error> {
            self.context()?;
            let fx = self.data.burn(self.caller(), self.now(), value)?;
            Ok(self.apply(fx)?)
        }
    }
}
