//! A content item: what a creator publishes (an off-chain reference, a price, the access a
//! purchase buys, optionally the creator's token that gates it and shares its revenue), and
//! the terms' own checks and arithmetic.

use crt_core::math::{Permill, PERMILL_ONE};
use crt_traits::{Balance, BlockNumber, TokenAmount};
use ink::prelude::vec::Vec;
use ink::primitives::AccountId;

use crate::errors::Error;

/// Items are numbered from 0 in publication order.
pub type ItemId = u64;

/// Longest `reference`, in bytes: room for any content hash, torrent info-hash or CID (a CIDv1
/// of a 512-bit digest is under 80 bytes).
pub const MAX_REFERENCE_LEN: usize = 128;

/// What one purchase buys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub enum AccessTerms {
    /// Access for good: a second purchase is refused.
    Permanent,
    /// Access for `blocks` blocks (at least one); a purchase while access lasts extends it.
    Timed {
        /// How many blocks one purchase adds.
        blocks: BlockNumber,
    },
}

/// How an item relates to its creator's token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct TokenTerms {
    /// The creator's token: a token of the platform's factory whose issuer is the creator.
    pub token: AccountId,
    /// Holders of at least this many of the token's base units read the item without paying
    /// (`None`: no gate, everyone pays).
    pub gate: Option<TokenAmount>,
    /// Part of each sale, after the platform fee, kept for the token's holders (parts per
    /// million, at most 1 000 000): it funds a revenue split of the token.
    pub holders_share: u32,
}

/// A published (or unpublished) item.
#[derive(Debug, Clone, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub struct Item {
    /// Who sets the price and the gate and receives the sales: the publisher, or for an item
    /// of a token, whoever is that token's issuer when last followed (`follow_issuer`).
    pub creator: AccountId,
    /// The content, off-chain: a content hash, torrent info-hash or CID (1 to 128 bytes).
    pub reference: Vec<u8>,
    /// JOY base units one purchase costs, the platform fee included.
    pub price: Balance,
    /// What a purchase buys (fixed at publication).
    pub access: AccessTerms,
    /// The creator's token, its gate and the holders' share (`None`: an item of no token).
    pub token: Option<TokenTerms>,
    /// Whether it can still be bought (and read by gate holders); access bought stays valid
    /// after `unpublish`.
    pub published: bool,
    /// Position in the creator's list of items (bookkeeping for paging and hand-over).
    pub creator_slot: u32,
}

/// Access an account holds to an item now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub enum Access {
    /// No access.
    None,
    /// The account is the item's creator.
    Creator,
    /// Bought for good.
    Permanent,
    /// Bought, valid before this block.
    Until(BlockNumber),
    /// Holds at least the gate's amount of the item's token (only while the item is published
    /// and the balance stays at or above it).
    Holder,
}

impl Access {
    pub fn granted(&self) -> bool {
        !matches!(self, Access::None)
    }
}

/// Access bought, as stored per (item, account).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(ink::storage::traits::StorageLayout))]
pub enum Grant {
    /// For good.
    Permanent,
    /// Before this block.
    Until(BlockNumber),
}

/// Where one purchase's JOY goes (the price split; all JOY base units).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[ink::scale_derive(Encode, Decode, TypeInfo)]
pub struct PriceQuote {
    /// What the buyer pays.
    pub price: Balance,
    /// The platform fee, to the factory's treasury.
    pub fee: Balance,
    /// Kept for the holders of the item's token.
    pub holders_share: Balance,
    /// Paid to the creator.
    pub creator: Balance,
}

impl AccessTerms {
    pub fn validate(&self) -> Result<(), Error> {
        match self {
            AccessTerms::Timed { blocks: 0 } => Err(Error::InvalidAccessTerms),
            _ => Ok(()),
        }
    }

    /// The grant after a purchase at block `now` by an account holding `current`; `None` when
    /// the purchase would buy nothing (permanent access held already).
    pub fn grant_after(&self, current: Option<Grant>, now: BlockNumber) -> Result<Option<Grant>, Error> {
        match (self, current) {
            (_, Some(Grant::Permanent)) => Ok(None),
            (AccessTerms::Permanent, _) => Ok(Some(Grant::Permanent)),
            (AccessTerms::Timed { blocks }, current) => {
                let from = match current {
                    Some(Grant::Until(until)) => until.max(now),
                    _ => now,
                };
                let until = from.checked_add(*blocks).ok_or(Error::ArithmeticOverflow)?;
                Ok(Some(Grant::Until(until)))
            }
        }
    }
}

impl TokenTerms {
    pub fn validate(&self) -> Result<(), Error> {
        if self.holders_share > PERMILL_ONE {
            return Err(Error::HoldersShareTooHigh);
        }
        Ok(())
    }
}

impl Item {
    /// Checks what a creator may choose at publication.
    pub fn validate_terms(
        reference: &[u8],
        access: &AccessTerms,
        token: &Option<TokenTerms>,
    ) -> Result<(), Error> {
        if reference.is_empty() {
            return Err(Error::ReferenceEmpty);
        }
        if reference.len() > MAX_REFERENCE_LEN {
            return Err(Error::ReferenceTooLong);
        }
        access.validate()?;
        if let Some(terms) = token {
            terms.validate()?;
        }
        Ok(())
    }

    /// The split of the item's price under the platform fee `fee_ppm`: the fee (rounded
    /// down), then the holders' share of the rest (rounded down), then the creator's part:
    /// the three add up to the price exactly.
    pub fn quote(&self, fee_ppm: u32) -> PriceQuote {
        let fee = Permill(fee_ppm).mul_floor(self.price);
        let rest = self.price.saturating_sub(fee);
        let share = self.token.map(|t| t.holders_share).unwrap_or_default();
        let holders_share = Permill(share).mul_floor(rest);
        PriceQuote {
            price: self.price,
            fee,
            holders_share,
            creator: rest.saturating_sub(holders_share),
        }
    }

    /// The gate's amount while the item is published and has one.
    pub fn open_gate(&self) -> Option<(AccountId, TokenAmount)> {
        if !self.published {
            return None;
        }
        self.token.and_then(|t| t.gate.map(|min| (t.token, min)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn item(price: Balance, holders_share: u32) -> Item {
        Item {
            creator: AccountId::from([1; 32]),
            reference: b"cid".to_vec(),
            price,
            access: AccessTerms::Permanent,
            token: Some(TokenTerms {
                token: AccountId::from([9; 32]),
                gate: None,
                holders_share,
            }),
            published: true,
            creator_slot: 0,
        }
    }

    #[test]
    fn timed_access_extends_from_the_later_of_now_and_the_current_end() {
        let timed = AccessTerms::Timed { blocks: 100 };
        assert_eq!(timed.grant_after(None, 10), Ok(Some(Grant::Until(110))));
        // Still valid: extended from its end.
        assert_eq!(
            timed.grant_after(Some(Grant::Until(50)), 10),
            Ok(Some(Grant::Until(150)))
        );
        // Expired: counted from now.
        assert_eq!(
            timed.grant_after(Some(Grant::Until(5)), 10),
            Ok(Some(Grant::Until(110)))
        );
        assert_eq!(timed.grant_after(Some(Grant::Permanent), 10), Ok(None));
        assert_eq!(
            timed.grant_after(Some(Grant::Until(BlockNumber::MAX)), 10),
            Err(Error::ArithmeticOverflow)
        );
        assert_eq!(
            AccessTerms::Permanent.grant_after(Some(Grant::Until(50)), 10),
            Ok(Some(Grant::Permanent))
        );
        assert_eq!(
            AccessTerms::Permanent.grant_after(Some(Grant::Permanent), 10),
            Ok(None)
        );
    }

    #[test]
    fn terms_are_checked() {
        let permanent = AccessTerms::Permanent;
        assert_eq!(
            Item::validate_terms(b"", &permanent, &None),
            Err(Error::ReferenceEmpty)
        );
        assert_eq!(
            Item::validate_terms(&[7; MAX_REFERENCE_LEN + 1], &permanent, &None),
            Err(Error::ReferenceTooLong)
        );
        assert_eq!(
            Item::validate_terms(&[7; MAX_REFERENCE_LEN], &permanent, &None),
            Ok(())
        );
        assert_eq!(
            Item::validate_terms(b"cid", &AccessTerms::Timed { blocks: 0 }, &None),
            Err(Error::InvalidAccessTerms)
        );
        let too_much = Some(TokenTerms {
            token: AccountId::from([9; 32]),
            gate: None,
            holders_share: PERMILL_ONE + 1,
        });
        assert_eq!(
            Item::validate_terms(b"cid", &permanent, &too_much),
            Err(Error::HoldersShareTooHigh)
        );
    }

    #[test]
    fn quote_rounds_fee_and_share_down_and_gives_the_rest_to_the_creator() {
        // 5 % fee of 1 001 = 50; 30 % of the 951 left = 285; the creator gets 666.
        assert_eq!(
            item(1_001, 300_000).quote(50_000),
            PriceQuote {
                price: 1_001,
                fee: 50,
                holders_share: 285,
                creator: 666
            }
        );
    }

    proptest! {
        #[test]
        fn quote_adds_up_to_the_price(price in any::<u128>(), fee in 0u32..=PERMILL_ONE, share in 0u32..=PERMILL_ONE) {
            let q = item(price, share).quote(fee);
            prop_assert_eq!(q.fee + q.holders_share + q.creator, price);
        }
    }
}
