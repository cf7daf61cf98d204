//! The end-to-end suite of the Creator Token contracts lives in `tests/`: `suite` on the
//! pallet-contracts sandbox runtime (one binary, so the contracts are built once), `node` on a
//! real node. Their harness (time travel, contract builds, deployment) is in `crt-tools`.
