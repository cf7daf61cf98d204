//! The measurement log: every recorded message with its gas, under a stable key
//! (`<contract>.<message>` or `<contract>.<message>[<case>]`).

use ink::primitives::AccountId;
use scale::{Decode, Encode};

use crate::chain::{Chain, Gas, Message};

pub struct Row {
    pub key: String,
    pub gas: Gas,
}

pub struct Bench {
    pub chain: Chain,
    pub rows: Vec<Row>,
}

impl Bench {
    pub fn new() -> Self {
        Self {
            chain: Chain::new(),
            rows: Vec::new(),
        }
    }

    pub fn record(&mut self, key: &str, gas: Gas) {
        self.rows.push(Row { key: key.into(), gas });
    }

    /// Executes a message and records its gas under `key`.
    pub fn call<A: Encode, R: Decode>(
        &mut self,
        key: &str,
        origin: AccountId,
        message: &Message<A, R>,
        value: u128,
    ) -> R
    where
        Message<A, R>: Clone,
    {
        let (result, gas) = self.chain.call(origin, message, value);
        self.record(key, gas);
        result
    }

    /// Runs a query (effects discarded) and records its gas under `key`.
    pub fn query<A: Encode, R: Decode>(&mut self, key: &str, origin: AccountId, message: &Message<A, R>) -> R
    where
        Message<A, R>: Clone,
    {
        let (result, gas) = self.chain.query(origin, message);
        self.record(key, gas);
        result
    }

    /// Executes a message that only sets the stage (not recorded).
    pub fn run<A: Encode, R: Decode>(&mut self, origin: AccountId, message: &Message<A, R>, value: u128) -> R
    where
        Message<A, R>: Clone,
    {
        self.chain.call(origin, message, value).0
    }

    /// Reads without recording.
    pub fn read<A: Encode, R: Decode>(&mut self, origin: AccountId, message: &Message<A, R>) -> R
    where
        Message<A, R>: Clone,
    {
        self.chain.query(origin, message).0
    }

    pub fn gas(&self, key: &str) -> Option<Gas> {
        self.rows.iter().find(|row| row.key == key).map(|row| row.gas)
    }
}
