//! The factory's one error enum. Variants are appended, never reordered.

use crt_traits::IssuanceError;

/// Why a factory message was refused. A refused message changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum Error {
    /// Only governance may do this.
    NotGovernance,
    /// Only the proposed governance may accept the role.
    NotPendingGovernance,
    /// Governance froze the suite.
    Frozen,
    /// Another live token has this symbol (compared case-insensitively).
    SymbolTaken,
    /// Symbols are 1–12 ASCII letters or digits.
    InvalidSymbol,
    /// Token names are at most 64 bytes.
    NameTooLong,
    /// Issuance metadata is at most 1024 bytes.
    MetadataTooLong,
    /// More than `MAX_INITIAL_ALLOCATIONS` allocations.
    TooManyAllocations,
    /// The same account appears twice in the initial allocation.
    DuplicateAllocation,
    /// Holders' share of revenue splits must be more than 0.
    RevenueSplitRateIsZero,
    /// A rate above 100 %.
    InvalidRate,
    /// Patronage rate above governance's maximum.
    YearlyPatronageRateLimitExceeded,
    /// Vesting with a cliff above 100 %.
    InvalidVestingParams,
    /// The JOY sent does not cover the bloat bonds of the allocation accounts.
    InsufficientBloatBond,
    /// An amount overflowed (e.g. the bonds of the allocation).
    ArithmeticOverflow,
    /// pallet-contracts refused to instantiate the token (e.g. unknown code hash).
    TokenInstantiationFailed,
    /// No live token has this id.
    TokenNotFound,
    /// The token refused the call; its own error is inside.
    Token(crt::Error),
    /// Sending JOY from the factory failed.
    JoyTransferFailed,
    /// Withdrawing more platform fees than the factory holds above its existential deposit.
    InsufficientPlatformFees,
    /// Page sizes are at most `MAX_PAGE`.
    PageTooLarge,
    /// Parameters with a fee or the AMM deactivation threshold above its hard cap, a rate
    /// above 100 %, or revenue-split window bounds out of order or above their caps.
    InvalidConstraints,
    /// Calling the token contract failed (trapped or ran out of gas).
    TokenCallFailed,
    /// Tokens have at most 18 decimals.
    TooManyDecimals,
    /// The factory library's code only runs by delegate call from the factory; it cannot be
    /// instantiated as a contract of its own.
    LibraryCodeOnly,
    /// The token code or library governance installed is not the one the issuer expected
    /// (`issue_token`'s `expected_code_hash` / `expected_library_hash`).
    TokenCodeChanged,
    /// A token's code and its library must be different code: a token delegating to its own
    /// code would call itself until the call depth runs out.
    TokenCodeIsItsOwnLibrary,
    /// The live marker could not be created (unfreezing: e.g. its deposit not covered, or it
    /// would not land at its address) or removed (freezing).
    LiveMarkerUnavailable,
}

impl From<IssuanceError> for Error {
    fn from(e: IssuanceError) -> Self {
        match e {
            IssuanceError::InvalidSymbol => Error::InvalidSymbol,
            IssuanceError::NameTooLong => Error::NameTooLong,
            IssuanceError::MetadataTooLong => Error::MetadataTooLong,
            IssuanceError::TooManyAllocations => Error::TooManyAllocations,
            IssuanceError::DuplicateAllocation => Error::DuplicateAllocation,
            IssuanceError::RevenueSplitRateIsZero => Error::RevenueSplitRateIsZero,
            IssuanceError::InvalidRate => Error::InvalidRate,
            IssuanceError::YearlyPatronageRateLimitExceeded => Error::YearlyPatronageRateLimitExceeded,
            IssuanceError::InvalidVestingParams => Error::InvalidVestingParams,
            IssuanceError::SupplyOverflow => Error::ArithmeticOverflow,
            IssuanceError::TooManyDecimals => Error::TooManyDecimals,
        }
    }
}
