//! The token's one error enum. Variants are appended, never reordered: the SCALE index is the
//! wire format front ends decode.

use crt_core::vesting::VestingError;
use ink::prelude::string::String;
use psp22::PSP22Error;

/// Declares the error enum and `Error::name` from one list, so the two cannot drift apart.
macro_rules! errors {
    ($($(#[doc = $doc:literal])* $variant:ident,)*) => {
        /// Why a token message was refused. A refused message changes nothing.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[ink::scale_derive(Encode, Decode, TypeInfo)]
        pub enum Error {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Error {
            /// The variant's name, as PSP22 front ends see it in `PSP22Error::Custom`.
            pub fn name(&self) -> &'static str {
                match self {
                    $(Error::$variant => stringify!($variant),)*
                }
            }
        }
    };
}

errors! {
    /// Governance froze the suite: state-changing messages are refused, queries work.
    Frozen,
    /// The factory's context query failed.
    FactoryUnavailable,
    /// The token was deissued; only queries and bond-deposit withdrawals still work.
    TokenDeissued,
    /// Only the issuer may do this.
    NotIssuer,
    /// Only the proposed issuer may accept the role.
    NotPendingIssuer,
    /// Only the factory that deployed the token may do this.
    NotFactory,
    /// A sum or product left the representable range.
    ArithmeticOverflow,
    /// The amount must be more than zero.
    ZeroAmount,
    /// The source's transferrable balance (amount − max(vesting-locked, staked)) is too low.
    InsufficientTransferrableBalance,
    /// Burning more than the account holds.
    BurnAmountExceedsBalance,
    /// The spender's allowance is too low.
    InsufficientAllowance,
    /// The account does not exist.
    AccountDoesNotExist,
    /// Permissioned token: the destination must already be an account.
    DestinationAccountDoesNotExist,
    /// The account exists already.
    AccountAlreadyExists,
    /// More than `MAX_OUTPUTS` outputs.
    TooManyOutputs,
    /// The output list is empty.
    NoOutputs,
    /// The same destination appears twice in one transfer.
    DuplicateOutput,
    /// An issuer transfer output to the issuer itself carries vesting (plain outputs to the
    /// sender are netted out; this one would silently drop the schedule).
    TransferToSelf,
    /// Metadata longer than `MAX_METADATA_LEN` bytes.
    MetadataTooLong,
    /// The JOY sent does not cover the bloat bonds of the accounts created.
    InsufficientBloatBond,
    /// Withdrawing more than the caller's bond deposit (`deposit_for_bonds`) holds.
    InsufficientBondDeposit,
    /// The token is permissionless: there is no whitelist to join.
    NotPermissioned,
    /// The token is already permissionless.
    AlreadyPermissionless,
    /// A Merkle proof longer than `MAX_PROOF_LEN` steps.
    MerkleProofTooLong,
    /// The Merkle proof does not lead from the caller to the whitelist root.
    MerkleProofVerificationFailure,
    /// Only empty accounts (amount 0) can be dusted.
    NonEmptyAccount,
    /// Permissioned token: only the account itself may dust it.
    NotAccountOwnerInPermissionedMode,
    /// The account holds the maximum number of unfinished vesting schedules.
    MaxVestingSchedulesReached,
    /// Vesting parameters with a cliff above 100 %.
    InvalidVestingParams,
    /// A schedule would end after the last representable block.
    BlockNumberOverflow,
    /// Sending JOY from the token failed.
    JoyTransferFailed,
    /// Deissuing needs every account dusted first.
    CannotDeissueWithOutstandingAccounts,
    /// The factory refused to record the issuer change.
    FactoryRejected,
    /// Issuance parameters refused by the constructor (see the factory's specific errors).
    InvalidIssuanceParams,
    /// The patronage rate can only be lowered.
    TargetPatronageRateIsHigherThanCurrentRate,
    /// From issue to finalize of a revenue split the supply cannot grow (patronage claim, AMM
    /// buy); burns and AMM sells stay possible.
    CannotModifySupplyWhenRevenueSplitsAreActive,
    /// A revenue split is already issued and not finalized.
    RevenueSplitAlreadyActive,
    /// The revenue sent gives holders nothing (`revenue_split_rate` × value rounds to 0).
    CannotIssueSplitWithZeroAllocation,
    /// The split is shorter than governance's minimum (or zero).
    RevenueSplitDurationTooShort,
    /// The split starts earlier than now + governance's minimum time to start.
    RevenueSplitTimeToStartTooShort,
    /// No revenue split is issued.
    RevenueSplitNotActive,
    /// Outside the split's staking window.
    RevenueSplitNotOngoing,
    /// The split has not ended yet.
    RevenueSplitDidNotEnd,
    /// The account already staked in this split.
    UserAlreadyParticipating,
    /// Staking more than the account holds.
    InsufficientBalanceForSplitParticipation,
    /// The account has no stake to withdraw.
    UserNotParticipatingInAnySplit,
    /// The sale's unit price must be more than 0.
    SaleUnitPriceIsZero,
    /// The sale must offer more than 0 tokens.
    SaleQuantityIsZero,
    /// The sale must last at least one block.
    SaleDurationIsZero,
    /// The sale is shorter than governance's minimum.
    SaleDurationTooShort,
    /// A sale cannot start in the past.
    SaleStartingBlockInThePast,
    /// A per-buyer cap of 0 would sell nothing.
    SaleCapPerBuyerIsZero,
    /// A sale is upcoming or ongoing (or an AMM is active).
    TokenIssuanceNotInIdleState,
    /// The previous sale must be finalized first.
    PreviousSaleNotFinalized,
    /// There is no sale that has not started.
    NoUpcomingSale,
    /// There is no ongoing sale.
    NoActiveSale,
    /// Buying 0 tokens.
    SalePurchaseAmountIsZero,
    /// Fewer tokens left on sale than asked for.
    NotEnoughTokensOnSale,
    /// The sale is whitelisted: a proof is required.
    SaleAccessProofRequired,
    /// The purchase would exceed the buyer's cap in this sale.
    SalePurchaseCapExceeded,
    /// The JOY sent does not cover the cost (and the bond of a new account).
    InsufficientPayment,
    /// There is no sale to finalize.
    NoSaleToFinalize,
    /// The sale has neither ended nor sold out.
    SaleNotEnded,
    /// The account unsold sale tokens return to cannot be dusted during the sale.
    CannotDustSaleSource,
    /// No AMM is active.
    NotInAmmState,
    /// The curve's slope is below governance's minimum.
    CurveSlopeParametersTooLow,
    /// The trade's deadline block has passed.
    DeadlineExpired,
    /// The trade costs more than `max_cost` or pays less than `min_proceeds`.
    SlippageToleranceExceeded,
    /// Selling more than the AMM has provided.
    NotEnoughTokenMintedByAmm,
    /// The AMM-provided supply is above governance's deactivation threshold.
    OutstandingAmmProvidedSupplyTooLarge,
    /// The token library's code only runs by delegate call from a token; it cannot be
    /// instantiated as a contract of its own.
    LibraryCodeOnly,
    /// The split would start later than now + governance's maximum time to start.
    RevenueSplitTimeToStartTooLong,
    /// The split is longer than governance's maximum duration.
    RevenueSplitDurationTooLong,
    /// Tokens staked in a revenue split that has not ended cannot be burned (they count in
    /// the supply every stake is priced against); the rest of the account can.
    StakedTokensLockedUntilSplitEnds,
    /// Deissuing needs the revenue split finalized first (its allocation is JOY owed).
    CannotDeissueWithActiveRevenueSplit,
    /// Deissuing needs the AMM deactivated first (its reserve is JOY owed).
    CannotDeissueWithActiveAmm,
    /// Issuer transfers may hold at most `MAX_ISSUER_VESTING_SCHEDULES` unfinished schedules
    /// in one account, so the issuer can never fill the slots the account needs for its own
    /// vested sale purchases.
    MaxIssuerVestingSchedulesReached,
    /// The library's code was built for another storage layout than this token's.
    LibraryLayoutMismatch,
    /// No payout is held for the caller.
    NoPayoutHeld,
    /// The token's deployment runs once, from its constructor: the library's deployment
    /// message refuses a token that holds state already.
    TokenAlreadyDeployed,
    /// Only the revenue source the issuer registered (`set_revenue_source`) may fund a split.
    NotRevenueSource,
}

impl From<VestingError> for Error {
    fn from(e: VestingError) -> Self {
        match e {
            VestingError::InvalidCliffPercentage => Error::InvalidVestingParams,
            VestingError::BlockNumberOverflow => Error::BlockNumberOverflow,
            VestingError::MaxSchedulesReached => Error::MaxVestingSchedulesReached,
            VestingError::MaxIssuerSchedulesReached => Error::MaxIssuerVestingSchedulesReached,
        }
    }
}

/// PSP22 messages return the standard error: balance and allowance shortfalls map to the
/// standard variants, everything else to `Custom(<variant name>)`.
impl From<Error> for PSP22Error {
    fn from(e: Error) -> Self {
        match e {
            Error::InsufficientTransferrableBalance | Error::BurnAmountExceedsBalance => {
                PSP22Error::InsufficientBalance
            }
            Error::InsufficientAllowance => PSP22Error::InsufficientAllowance,
            other => PSP22Error::Custom(String::from(other.name())),
        }
    }
}
