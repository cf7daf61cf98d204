//! Bloat-bond arithmetic: what a call owes for the accounts it creates, and the refund.

use crate::math::MathError;

/// The JOY owed for `new_accounts` accounts at `bond` each.
pub fn bonds_for(new_accounts: u32, bond: u128) -> Result<u128, MathError> {
    bond.checked_mul(u128::from(new_accounts))
        .ok_or(MathError::Overflow)
}

/// Settles a payment against what is owed: `Ok(refund)` of the excess, or `Err(shortfall)`.
pub fn settle(paid: u128, owed: u128) -> Result<u128, u128> {
    match paid.checked_sub(owed) {
        Some(refund) => Ok(refund),
        None => Err(owed.saturating_sub(paid)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bonds_multiply_and_overflow_is_an_error() {
        assert_eq!(bonds_for(3, 100), Ok(300));
        assert_eq!(bonds_for(0, u128::MAX), Ok(0));
        assert_eq!(bonds_for(2, u128::MAX), Err(MathError::Overflow));
    }

    #[test]
    fn settle_refunds_excess_or_reports_shortfall() {
        assert_eq!(settle(350, 300), Ok(50));
        assert_eq!(settle(300, 300), Ok(0));
        assert_eq!(settle(250, 300), Err(50));
    }

    proptest! {
        #[test]
        fn settle_conserves_joy(paid in any::<u128>(), owed in any::<u128>()) {
            match settle(paid, owed) {
                Ok(refund) => prop_assert_eq!(refund + owed, paid),
                Err(short) => prop_assert_eq!(paid + short, owed),
            }
        }
    }
}
