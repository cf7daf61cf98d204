//! The token's messages that run from its library code, each declared once, here, in a trait
//! definition: the token contract (`crt`), which forwards them, and the token library
//! (`crt-library`), which runs them, both implement these traits, so the compiler checks their
//! arguments, return types and `payable` against each other, and their selectors are the same
//! by construction (`<Trait>::<message>`). The docs here are the reference for each message,
//! and what clients read: ink! 5 takes a trait message's metadata docs from the implementing
//! contract, so the suite's build copies these into the token's metadata (`crt.json`).
//! Bodies: `library_messages.rs`, on `TokenState`. (The token's own Wasm never decodes these
//! messages: its entry points hand any selector they do not run to the library.)

use crt_traits::{BlockNumber, ProofStep, TokenConstraints, TokenLibraries};
use ink::primitives::AccountId;

use crate::amm::{AmmQuote, AmmState};
use crate::data::{RevenueSplit as SplitState, TokenInfo};
use crate::errors::Error;
use crate::queries::{AccountInfo, TokenMetadata};
use crate::sale::{OfferingState, SaleAccessProof, SaleParams, SaleQuote, TokenSale};
use crate::transfers::{MultiTransferOutput, TransferOutput};
use crate::{Balance, TokenAmount};
use ink::prelude::vec::Vec;

/// Holders' account messages beyond PSP22: batch transfers, dusting, joining a whitelist.
#[ink::trait_definition]
pub trait Accounts {
    /// Sends tokens from the caller's transferrable balance to the `outputs` — up to
    /// `MAX_OUTPUTS` (24) distinct accounts, each with an amount in token base units — with a
    /// note in `metadata` (at most 1024 bytes). Payable: send `bloat_bond` JOY for each destination that is not an
    /// account yet; the excess is refunded. Zero-amount outputs are skipped and never create
    /// accounts; an output to the caller itself is netted out (it moves nothing, as a PSP22
    /// `transfer` to oneself). On a permissioned token every destination must exist.
    ///
    /// # Errors
    /// `Frozen`, `MetadataTooLong`, `NoOutputs`, `TooManyOutputs`, `DuplicateOutput`,
    /// `ArithmeticOverflow`, `AccountDoesNotExist` (the caller),
    /// `InsufficientTransferrableBalance`, `DestinationAccountDoesNotExist`,
    /// `InsufficientBloatBond`.
    ///
    /// # Events
    /// A PSP22 `Transfer` per credited output, `BondCharged` per account created (bond > 0),
    /// then `TokensTransferred` with the metadata.
    #[ink(message, payable)]
    fn multi_transfer(&mut self, outputs: Vec<MultiTransferOutput>, metadata: Vec<u8>) -> Result<(), Error>;

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
    fn dust_account(&mut self, account: AccountId) -> Result<(), Error>;

    /// Permissioned token: creates the caller's empty account, given a Merkle `proof` (at
    /// most 32 steps) that the caller is in the whitelist. Payable: the bloat bond; the excess is
    /// refunded.
    ///
    /// # Errors
    /// `Frozen`, `NotPermissioned`, `AccountAlreadyExists`, `MerkleProofTooLong`,
    /// `MerkleProofVerificationFailure`, `InsufficientBloatBond`.
    ///
    /// # Events
    /// `MemberJoinedWhitelist`, `BondCharged` (bond > 0).
    #[ink(message, payable)]
    fn join_whitelist(&mut self, proof: Vec<ProofStep>) -> Result<(), Error>;
}

/// Patronage: the issuer's yearly mint on the supply, claimed as it accrues.
#[ink::trait_definition]
pub trait Patronage {
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
    fn claim_patronage_credit(&mut self) -> Result<(), Error>;

    /// Issuer only: lowers the yearly patronage rate to `rate` (ppm). Credit accrued at the old rate
    /// is kept for the next claim. The same rate: no-op.
    ///
    /// # Errors
    /// `Frozen`, `NotIssuer`, `TargetPatronageRateIsHigherThanCurrentRate`.
    ///
    /// # Events
    /// `PatronageRateDecreasedTo`.
    #[ink(message)]
    fn reduce_patronage_rate_to(&mut self, rate: u32) -> Result<(), Error>;

    /// Patronage credit the issuer could claim now: saturates at what the supply can still
    /// grow by (`u128::MAX − total_supply`), so the credit never blocks another message.
    #[ink(message)]
    fn claimable_patronage(&self) -> TokenAmount;
}

/// Revenue splits: the issuer pays JOY in, holders stake tokens for a share of it.
#[ink::trait_definition]
pub trait RevenueSplit {
    /// Issuer only: pays revenue in (the JOY sent). Holders' allocation is
    /// `revenue_split_rate` × value; the rest is refunded at once. Holders stake during
    /// `[start, start + duration)`; `start` defaults to now + governance's minimum time
    /// to start, and lies within governance's minimum and maximum time to start;
    /// `duration` (blocks) within its minimum and maximum. Until the split is finalized the supply
    /// cannot grow (patronage claims, AMM buys); holders may still burn and sell.
    ///
    /// # Errors
    /// `Frozen`, `NotIssuer`, `RevenueSplitAlreadyActive`,
    /// `CannotIssueSplitWithZeroAllocation`, `RevenueSplitDurationTooShort`,
    /// `RevenueSplitDurationTooLong`, `RevenueSplitTimeToStartTooShort`,
    /// `RevenueSplitTimeToStartTooLong`, `BlockNumberOverflow`.
    ///
    /// # Events
    /// `RevenueSplitIssued`.
    #[ink(message, payable)]
    fn issue_revenue_split(&mut self, start: Option<BlockNumber>, duration: BlockNumber)
        -> Result<(), Error>;

    /// Issuer only: registers `source`, the contract allowed to fund revenue splits with
    /// revenue it collected for the token's holders (`fund_revenue_split`) — the platform's
    /// content contract, say — or removes it (`None`).
    ///
    /// # Errors
    /// `Frozen`, `NotIssuer`.
    ///
    /// # Events
    /// `RevenueSourceSet`.
    #[ink(message)]
    fn set_revenue_source(&mut self, source: Option<AccountId>) -> Result<(), Error>;

    /// The contract allowed to fund revenue splits, if any.
    #[ink(message)]
    fn revenue_source(&self) -> Option<AccountId>;

    /// The registered revenue source only: opens a split whose whole allocation is the JOY
    /// sent (revenue already set aside for holders, so `revenue_split_rate` does not apply),
    /// open from `start` for `duration` blocks under the window rules of
    /// `issue_revenue_split`. What holders leave unclaimed goes to the issuer when the split is
    /// finalized.
    ///
    /// # Errors
    /// `Frozen`, `NotRevenueSource`, `RevenueSplitAlreadyActive`,
    /// `CannotIssueSplitWithZeroAllocation`, `RevenueSplitDurationTooShort`,
    /// `RevenueSplitDurationTooLong`, `RevenueSplitTimeToStartTooShort`,
    /// `RevenueSplitTimeToStartTooLong`, `BlockNumberOverflow`.
    ///
    /// # Events
    /// `RevenueSplitIssued`.
    #[ink(message, payable)]
    fn fund_revenue_split(&mut self, start: Option<BlockNumber>, duration: BlockNumber) -> Result<(), Error>;

    /// Stakes `amount` of the caller's tokens (vesting-locked ones count) in the ongoing
    /// split and pays `amount / total_supply × allocation` JOY at once. The stake stays
    /// locked until the split ends (then it can be burned, or unstaked with
    /// `exit_revenue_split`). Once per split.
    ///
    /// # Errors
    /// `Frozen`, `ZeroAmount`, `RevenueSplitNotActive`, `RevenueSplitNotOngoing`,
    /// `AccountDoesNotExist`, `UserAlreadyParticipating`,
    /// `InsufficientBalanceForSplitParticipation`.
    ///
    /// # Events
    /// `UserParticipatedInSplit`.
    #[ink(message)]
    fn participate_in_split(&mut self, amount: TokenAmount) -> Result<(), Error>;

    /// Unstakes the caller's tokens once their split has ended.
    ///
    /// # Errors
    /// `Frozen`, `AccountDoesNotExist`, `UserNotParticipatingInAnySplit`,
    /// `RevenueSplitDidNotEnd`.
    ///
    /// # Events
    /// `RevenueSplitLeft`.
    #[ink(message)]
    fn exit_revenue_split(&mut self) -> Result<(), Error>;

    /// Anyone, after the end: closes the split and pays the unclaimed allocation back to
    /// the issuer, so a split never outlives its window because its issuer is gone.
    /// Stakes stay locked until each holder exits.
    ///
    /// # Errors
    /// `Frozen`, `RevenueSplitNotActive`, `RevenueSplitDidNotEnd`.
    ///
    /// # Events
    /// `RevenueSplitFinalized`, and `PayoutHeld` when the issuer's account cannot receive
    /// the leftovers.
    #[ink(message)]
    fn finalize_revenue_split(&mut self) -> Result<(), Error>;

    /// The revenue split from issue to finalize, if any.
    #[ink(message)]
    fn revenue_split(&self) -> Option<SplitState>;

    /// The dividend staking `amount` in the current split would pay.
    #[ink(message)]
    fn dividend_preview(&self, amount: TokenAmount) -> Balance;
}

/// The fixed-price sale: the issuer offers tokens at a unit price, optionally to a whitelist, with a cap per buyer and vesting.
#[ink::trait_definition]
pub trait Sale {
    /// Issuer only: opens the sale `params` describes: `params.quantity` tokens from the issuer's
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
    fn init_token_sale(
        &mut self,
        params: SaleParams,
        earnings_destination: Option<AccountId>,
        auto_finalize: bool,
    ) -> Result<(), Error>;

    /// Issuer only: moves the start to `new_start` and/or changes the duration to
    /// `new_duration` blocks (`None` keeps each) of a sale that has not started yet.
    ///
    /// # Errors
    /// `Frozen`, `NotIssuer`, `NoUpcomingSale`, `SaleDurationIsZero`,
    /// `SaleDurationTooShort`, `SaleStartingBlockInThePast`, `BlockNumberOverflow`.
    ///
    /// # Events
    /// `UpcomingTokenSaleUpdated`.
    #[ink(message)]
    fn update_upcoming_sale(
        &mut self,
        new_start: Option<BlockNumber>,
        new_duration: Option<BlockNumber>,
    ) -> Result<(), Error>;

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
    /// `TokensPurchasedOnSale`, `PayoutHeld` when the earnings destination cannot receive
    /// its share, and `TokenSaleFinalized` when it sells out an auto-finalizing sale.
    #[ink(message, payable)]
    fn purchase_tokens_on_sale(
        &mut self,
        amount: TokenAmount,
        access: Option<SaleAccessProof>,
    ) -> Result<(), Error>;

    /// Issuer only, once the sale ended or sold out: unsold tokens return to the account
    /// they came from. The event reports the JOY collected.
    ///
    /// # Errors
    /// `Frozen`, `NotIssuer`, `NoSaleToFinalize`, `SaleNotEnded`.
    ///
    /// # Events
    /// `Transfer` (token contract → source, if any left), `TokenSaleFinalized`.
    #[ink(message)]
    fn finalize_token_sale(&mut self) -> Result<(), Error>;

    /// Idle, upcoming sale, ongoing sale, ended sale awaiting finalize, or AMM.
    #[ink(message)]
    fn offering_state(&self) -> OfferingState;

    /// The sale from init until finalize.
    #[ink(message)]
    fn current_sale(&self) -> Option<TokenSale>;

    /// Tokens `buyer` bought in the current sale.
    #[ink(message)]
    fn purchased_on_sale(&self, buyer: AccountId) -> TokenAmount;

    /// Cost of buying `amount` on the current sale, with the platform fee and the
    /// destination's share (asks the factory for the fee).
    ///
    /// # Errors
    /// `NoActiveSale`, `ArithmeticOverflow`, `FactoryUnavailable`.
    #[ink(message)]
    fn sale_quote(&self, amount: TokenAmount) -> Result<SaleQuote, Error>;
}

/// The bonding-curve AMM: tokens minted on buys and burned on sells at the curve's price, with governance's fees to the treasury.
#[ink::trait_definition]
pub trait Amm {
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
    fn buy_on_amm(
        &mut self,
        amount: TokenAmount,
        max_cost: Option<Balance>,
        deadline: Option<BlockNumber>,
    ) -> Result<(), Error>;

    /// Burns `amount` of the caller's transferrable tokens into the curve and pays the
    /// proceeds minus the sell fee (see `quote_sell`). Fails if that is below
    /// `min_proceeds` (the least JOY the seller accepts: always stated, so no fee or curve
    /// change placed before the call can take more than the seller agreed to) or after
    /// block `deadline`. Works during a revenue split. Zero: nothing happens.
    ///
    /// # Errors
    /// `Frozen`, `DeadlineExpired`, `NotInAmmState`, `AccountDoesNotExist`, `InsufficientTransferrableBalance`,
    /// `NotEnoughTokenMintedByAmm`, `SlippageToleranceExceeded`, `ArithmeticOverflow`.
    ///
    /// # Events
    /// `Transfer` (to `None`), `TokensSoldOnAmm`.
    #[ink(message)]
    fn sell_on_amm(
        &mut self,
        amount: TokenAmount,
        min_proceeds: Balance,
        deadline: Option<BlockNumber>,
    ) -> Result<(), Error>;
}

/// The bonding curve's life and quotes: the issuer activates and deactivates it; its state and
/// the quotes that price a trade before it is made.
#[ink::trait_definition]
pub trait AmmCurve {
    /// Issuer only: starts the AMM. Price per whole token at AMM supply `s` (base units):
    /// `intercept + slope × s / 10^decimals`, both in JOY base units. Only when idle (no
    /// sale, not even an unfinalized one); `slope` ≥ governance's minimum; `intercept` may
    /// be zero.
    ///
    /// # Errors
    /// `Frozen`, `NotIssuer`, `TokenIssuanceNotInIdleState`, `CurveSlopeParametersTooLow`.
    ///
    /// # Events
    /// `AmmActivated`.
    #[ink(message)]
    fn activate_amm(&mut self, slope: Balance, intercept: Balance) -> Result<(), Error>;

    /// Issuer only: stops the AMM when its supply — counted at most as the total supply,
    /// since tokens the AMM sold may have been burned outside it — is at most governance's
    /// threshold share of the total supply (at most 5 %, a hard cap; none at all always
    /// qualifies). The reserve left goes to the platform treasury.
    ///
    /// # Errors
    /// `Frozen`, `NotIssuer`, `NotInAmmState`, `OutstandingAmmProvidedSupplyTooLarge`.
    ///
    /// # Events
    /// `AmmDeactivated`.
    #[ink(message)]
    fn deactivate_amm(&mut self) -> Result<(), Error>;

    /// The AMM's curve, provided supply and reserve, while active.
    #[ink(message)]
    fn amm_state(&self) -> Option<AmmState>;

    /// Curve cost of buying `amount` now and the fee on top.
    ///
    /// # Errors
    /// `NotInAmmState`, `ArithmeticOverflow`, `FactoryUnavailable`.
    #[ink(message)]
    fn quote_buy(&self, amount: TokenAmount) -> Result<AmmQuote, Error>;

    /// Curve proceeds of selling `amount` now and the fee taken off.
    ///
    /// # Errors
    /// `NotInAmmState`, `NotEnoughTokenMintedByAmm`, `ArithmeticOverflow`,
    /// `FactoryUnavailable`.
    #[ink(message)]
    fn quote_sell(&self, amount: TokenAmount) -> Result<AmmQuote, Error>;

    /// The most tokens `budget` JOY buys now, fee included (bond not included).
    ///
    /// # Errors
    /// `NotInAmmState`, `FactoryUnavailable`.
    #[ink(message)]
    fn max_buy_for_budget(&self, budget: Balance) -> Result<TokenAmount, Error>;
}

/// JOY the token holds for an account whose payout could not be made when due.
#[ink::trait_definition]
pub trait HeldPayouts {
    /// Pays the caller the payouts held for it. A payout to a third party that the chain
    /// refuses (e.g. sale earnings or split leftovers below the existential deposit, to an
    /// account without JOY) is held here rather than failing the buyer's purchase or the
    /// split's finalization. Works while frozen and after deissue.
    ///
    /// # Errors
    /// `NoPayoutHeld`, `JoyTransferFailed`.
    ///
    /// # Events
    /// `HeldPayoutWithdrawn`.
    #[ink(message)]
    fn withdraw_held_payout(&mut self) -> Result<(), Error>;

    /// Payouts held for `account` (see `withdraw_held_payout`).
    #[ink(message)]
    fn payout_held_for(&self, account: AccountId) -> Balance;
}

/// Governance's parameters, as the token keeps them.
#[ink::trait_definition]
pub trait Governed {
    /// Copies governance's current parameters (bloat bond, fees, limits) from the factory
    /// into the token, which applies its copy so that no message has to call the factory.
    /// Anyone may call it; until someone does, the token keeps the parameters it had.
    ///
    /// # Errors
    /// `Frozen`, `TokenDeissued`, `FactoryUnavailable`.
    ///
    /// # Events
    /// `ConstraintsSynced`.
    #[ink(message)]
    fn sync_constraints(&mut self) -> Result<(), Error>;
}

/// The issuer role: the transfer policy, the hand-over to a successor, and retiring the token.
#[ink::trait_definition]
pub trait Issuer {
    /// Issuer only: sends tokens from the issuer's account to the `outputs` (token base
    /// units), each optionally locked by a vesting schedule that starts at this block, with
    /// a note in `metadata`. May create accounts on a
    /// permissioned token. Payable like `multi_transfer` (bonds of new accounts).
    ///
    /// # Errors
    /// As `multi_transfer` plus `NotIssuer`, `TransferToSelf` (a vested output to the
    /// issuer), `InvalidVestingParams`, `BlockNumberOverflow`, `MaxVestingSchedulesReached`,
    /// `MaxIssuerVestingSchedulesReached` (the account already holds two unfinished
    /// schedules from issuer transfers: the rest are kept for its own purchases).
    ///
    /// # Events
    /// As `multi_transfer` plus `VestingScheduleAdded` per vested output.
    #[ink(message, payable)]
    fn issuer_transfer(&mut self, outputs: Vec<TransferOutput>, metadata: Vec<u8>) -> Result<(), Error>;

    /// Issuer only: makes a permissioned token permissionless. There is no way back.
    ///
    /// # Errors
    /// `Frozen`, `NotIssuer`, `AlreadyPermissionless`.
    ///
    /// # Events
    /// `TransferPolicyChangedToPermissionless`.
    #[ink(message)]
    fn change_to_permissionless(&mut self) -> Result<(), Error>;

    /// Issuer only: proposes `new_issuer` as successor (`None` withdraws the proposal). The role moves
    /// when the successor calls `accept_issuer`.
    ///
    /// # Errors
    /// `Frozen`, `NotIssuer`.
    ///
    /// # Events
    /// `IssuerTransferProposed`.
    #[ink(message)]
    fn propose_issuer(&mut self, new_issuer: Option<AccountId>) -> Result<(), Error>;

    /// The proposed successor becomes the issuer; the factory's index follows.
    ///
    /// # Errors
    /// `Frozen`, `NotPendingIssuer`, `FactoryRejected` / `FactoryUnavailable` (the index
    /// update failed; nothing changes).
    ///
    /// # Events
    /// `IssuerChanged`.
    #[ink(message)]
    fn accept_issuer(&mut self) -> Result<(), Error>;

    /// Factory only (its `deissue_token`, on behalf of `issuer`): retires the token once
    /// no account remains and it owes no JOY but what its owners withdraw themselves (no
    /// revenue split, no AMM reserve). Afterwards only queries, bond-deposit and
    /// held-payout withdrawals work.
    ///
    /// # Errors
    /// `TokenDeissued`, `NotFactory`, `NotIssuer`, `CannotDeissueWithOutstandingAccounts`,
    /// `CannotDeissueWithActiveRevenueSplit`, `CannotDeissueWithActiveAmm`.
    ///
    /// # Events
    /// `TokenDeissued`.
    #[ink(message)]
    fn deissue(&mut self, issuer: AccountId) -> Result<(), Error>;
}

/// JOY deposited in advance for the bloat bonds of PSP22 transfers to new accounts (PSP22 messages cannot carry JOY).
#[ink::trait_definition]
pub trait BondDeposits {
    /// Deposits the JOY sent to pay the bloat bonds of PSP22 transfers (and
    /// `transfer_from`s) the caller makes to new accounts: PSP22 messages cannot carry JOY.
    ///
    /// # Errors
    /// `Frozen`, `ZeroAmount`, `ArithmeticOverflow`.
    ///
    /// # Events
    /// `BondDepositChanged` with the new deposit.
    #[ink(message, payable)]
    fn deposit_for_bonds(&mut self) -> Result<(), Error>;

    /// Withdraws `amount` of the caller's unused bond deposit. Works while frozen and
    /// after deissue: it only returns the caller's own JOY.
    ///
    /// # Errors
    /// `ZeroAmount`, `InsufficientBondDeposit`, `JoyTransferFailed`.
    ///
    /// # Events
    /// `BondDepositChanged` with the remaining deposit.
    #[ink(message)]
    fn withdraw_bond_deposit(&mut self, amount: Balance) -> Result<(), Error>;

    /// `owner`'s unused JOY deposit for PSP22-transfer bonds.
    #[ink(message)]
    fn bond_deposit_of(&self, owner: AccountId) -> Balance;
}

/// Read-only views of the token for front ends (they answer while the suite is frozen).
#[ink::trait_definition]
pub trait TokenQueries {
    /// Token-wide state: id, issuer, supply, accounts, policy, bonds held, rates.
    #[ink(message)]
    fn token_info(&self) -> TokenInfo;

    /// Name, symbol, decimals and the issuer's metadata bytes.
    #[ink(message)]
    fn token_metadata(&self) -> TokenMetadata;

    /// The factory that deployed this token.
    #[ink(message)]
    fn factory(&self) -> AccountId;

    /// Code hashes of the libraries the token's other messages run from (fixed at
    /// deployment; compare with the factory's `token_libraries`).
    #[ink(message)]
    fn libraries(&self) -> TokenLibraries;

    /// The account of `owner` evaluated at the current block (`None`: no account).
    #[ink(message)]
    fn account_info(&self, owner: AccountId) -> Option<AccountInfo>;

    /// Whether `owner` has an account (possibly empty).
    #[ink(message)]
    fn is_account(&self, owner: AccountId) -> bool;

    /// Tokens `owner` could transfer at `block` (past or future), with its current stake.
    #[ink(message)]
    fn transferrable_at(&self, owner: AccountId, block: BlockNumber) -> TokenAmount;

    /// Tokens of `owner` locked by vesting at `block`.
    #[ink(message)]
    fn vesting_locked_at(&self, owner: AccountId, block: BlockNumber) -> TokenAmount;

    /// JOY the token must hold for others: bonds of existing accounts plus bond deposits.
    #[ink(message)]
    fn joy_liabilities(&self) -> Balance;

    /// The bloat bond a new account costs (governance's, as of the token's last sync).
    #[ink(message)]
    fn current_bloat_bond(&self) -> Balance;

    /// Governance's parameters as the token applies them (its copy, as of the last sync).
    #[ink(message)]
    fn token_constraints(&self) -> TokenConstraints;

    /// Whether the suite is frozen (the factory's live marker does not exist): every
    /// state-changing message fails until governance unfreezes.
    #[ink(message)]
    fn is_frozen(&self) -> bool;
}
