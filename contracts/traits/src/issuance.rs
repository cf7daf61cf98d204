//! What an issuer asks for when issuing a token, and its validation (shared by the factory,
//! which validates before deploying, and the token constructor, which trusts nothing).

use ink::prelude::{string::String, vec::Vec};
use ink::primitives::{AccountId, Hash};

use crate::{
    symbol_key, Balance, TokenAmount, TokenConstraints, VestingScheduleParams, MAX_INITIAL_ALLOCATIONS,
    MAX_METADATA_LEN, MAX_NAME_LEN, PERMILL_ONE,
};

/// Who may hold the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub enum TransferPolicy {
    /// Anyone may receive the token.
    #[default]
    Permissionless,
    /// Only existing accounts may receive it; accounts join with a Merkle proof against this
    /// root (leaf = Blake2-256 of the 32-byte account id) or are created by the issuer.
    Permissioned(Hash),
}

/// Tokens an account receives at issuance.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct InitialAllocation {
    /// The receiving account (created by the issuance).
    pub account: AccountId,
    /// Base units; a zero amount creates no account.
    pub amount: TokenAmount,
    /// Vesting counted from the issuance block.
    pub vesting: Option<VestingScheduleParams>,
}

/// Everything `issue_token` needs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct IssuanceParams {
    /// Display name, at most 64 bytes.
    pub name: String,
    /// 1–12 ASCII letters or digits, unique case-insensitively.
    pub symbol: String,
    /// At most 18.
    pub decimals: u8,
    /// Who receives the initial supply, at most 64 distinct accounts.
    pub initial_allocation: Vec<InitialAllocation>,
    /// Who may hold the token: anyone, or whitelisted accounts only.
    pub transfer_policy: TransferPolicy,
    /// Yearly patronage rate, ppm (at most governance's maximum).
    pub patronage_rate: u32,
    /// Holders' share of each revenue split, ppm (more than 0, at most 100 %).
    pub revenue_split_rate: u32,
    /// Free-form description (e.g. a link or JSON), at most 1024 bytes.
    pub metadata: Vec<u8>,
}

/// Why issuance parameters are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuanceError {
    InvalidSymbol,
    NameTooLong,
    MetadataTooLong,
    TooManyAllocations,
    DuplicateAllocation,
    RevenueSplitRateIsZero,
    InvalidRate,
    YearlyPatronageRateLimitExceeded,
    InvalidVestingParams,
    SupplyOverflow,
    TooManyDecimals,
}

impl IssuanceParams {
    /// Validates the parameters against governance's constraints and returns the number of
    /// accounts the issuance creates (one per non-zero allocation).
    pub fn validate(&self, constraints: &TokenConstraints) -> Result<u32, IssuanceError> {
        symbol_key(&self.symbol).ok_or(IssuanceError::InvalidSymbol)?;
        if self.name.len() > MAX_NAME_LEN {
            return Err(IssuanceError::NameTooLong);
        }
        if self.metadata.len() > MAX_METADATA_LEN {
            return Err(IssuanceError::MetadataTooLong);
        }
        if self.decimals > crt_core::amm::MAX_DECIMALS {
            return Err(IssuanceError::TooManyDecimals);
        }
        if self.revenue_split_rate == 0 {
            return Err(IssuanceError::RevenueSplitRateIsZero);
        }
        if self.revenue_split_rate > PERMILL_ONE || self.patronage_rate > PERMILL_ONE {
            return Err(IssuanceError::InvalidRate);
        }
        if self.patronage_rate > constraints.max_yearly_patronage_rate {
            return Err(IssuanceError::YearlyPatronageRateLimitExceeded);
        }
        let allocations = &self.initial_allocation;
        if allocations.len() > MAX_INITIAL_ALLOCATIONS {
            return Err(IssuanceError::TooManyAllocations);
        }
        let mut supply: Balance = 0;
        let mut accounts: u32 = 0;
        for (i, allocation) in allocations.iter().enumerate() {
            if allocations
                .iter()
                .skip(i.saturating_add(1))
                .any(|other| other.account == allocation.account)
            {
                return Err(IssuanceError::DuplicateAllocation);
            }
            if let Some(vesting) = &allocation.vesting {
                vesting
                    .validate()
                    .map_err(|_| IssuanceError::InvalidVestingParams)?;
            }
            supply = supply
                .checked_add(allocation.amount)
                .ok_or(IssuanceError::SupplyOverflow)?;
            if allocation.amount > 0 {
                accounts = accounts.saturating_add(1);
            }
        }
        Ok(accounts)
    }

    /// Σ allocation amounts (valid parameters cannot overflow).
    pub fn initial_supply(&self) -> Balance {
        self.initial_allocation
            .iter()
            .fold(0, |acc: Balance, a| acc.saturating_add(a.amount))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Permill;

    fn params() -> IssuanceParams {
        IssuanceParams {
            name: "Creator".into(),
            symbol: "CRT".into(),
            decimals: 10,
            initial_allocation: vec![
                InitialAllocation {
                    account: AccountId::from([1; 32]),
                    amount: 100,
                    vesting: None,
                },
                InitialAllocation {
                    account: AccountId::from([2; 32]),
                    amount: 0,
                    vesting: None,
                },
            ],
            transfer_policy: TransferPolicy::Permissionless,
            patronage_rate: 10_000,
            revenue_split_rate: 500_000,
            metadata: vec![],
        }
    }

    #[test]
    fn valid_params_count_only_nonzero_allocations() {
        let c = TokenConstraints::defaults(0);
        assert_eq!(params().validate(&c), Ok(1));
        assert_eq!(params().initial_supply(), 100);
    }

    #[test]
    fn every_issuance_error_is_reachable() {
        let c = TokenConstraints::defaults(0);
        let check = |f: &dyn Fn(&mut IssuanceParams), e| {
            let mut p = params();
            f(&mut p);
            assert_eq!(p.validate(&c), Err(e));
        };
        check(&|p| p.symbol = "C-T".into(), IssuanceError::InvalidSymbol);
        check(
            &|p| p.name = "n".repeat(MAX_NAME_LEN + 1),
            IssuanceError::NameTooLong,
        );
        check(
            &|p| p.metadata = vec![0; MAX_METADATA_LEN + 1],
            IssuanceError::MetadataTooLong,
        );
        check(
            &|p| p.revenue_split_rate = 0,
            IssuanceError::RevenueSplitRateIsZero,
        );
        check(
            &|p| p.revenue_split_rate = PERMILL_ONE + 1,
            IssuanceError::InvalidRate,
        );
        check(
            &|p| p.patronage_rate = 150_001,
            IssuanceError::YearlyPatronageRateLimitExceeded,
        );
        check(
            &|p| {
                let a = p.initial_allocation[0].clone();
                p.initial_allocation = vec![a; MAX_INITIAL_ALLOCATIONS + 1]
            },
            IssuanceError::TooManyAllocations,
        );
        check(
            &|p| p.initial_allocation[1].account = p.initial_allocation[0].account,
            IssuanceError::DuplicateAllocation,
        );
        check(
            &|p| {
                p.initial_allocation[0].vesting = Some(VestingScheduleParams {
                    blocks_before_cliff: 0,
                    cliff_percentage: Permill(PERMILL_ONE + 1),
                    linear_vesting_duration: 1,
                })
            },
            IssuanceError::InvalidVestingParams,
        );
        check(
            &|p| {
                p.initial_allocation[0].amount = Balance::MAX;
                p.initial_allocation[1].amount = 1;
            },
            IssuanceError::SupplyOverflow,
        );
    }
}
