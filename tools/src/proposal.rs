//! Proposals for the governor, built from the call builders of the contracts they call: a
//! message built the way a client calls it (`factory.update_token_constraints(update)`)
//! becomes the governor's `ProposedCall` (target, selector, SCALE arguments), so the demo, the
//! benchmarks and the tests never encode a selector by hand.

use governor_logic::proposal::ProposedCall;
use ink::env::call::utils::{ReturnType, Set};
use ink::env::call::{Call, CallBuilder, ExecutionInput};
use ink::env::DefaultEnvironment;
use ink::primitives::AccountId;
use scale::Encode;

/// A message as a contract's call builder builds it, ready to send.
pub type Message<Args, R> = CallBuilder<
    DefaultEnvironment,
    Set<Call<DefaultEnvironment>>,
    Set<ExecutionInput<Args>>,
    Set<ReturnType<R>>,
>;

/// A message the call builder of a contract at `target` built, as a call of a proposal.
pub fn call_of<Args: Encode, R>(target: AccountId, message: Message<Args, R>) -> ProposedCall {
    // An execution input encodes as the selector followed by the arguments.
    let input = message.params().exec_input().encode();
    let (selector, args) = input.split_at(4);
    ProposedCall {
        target,
        selector: selector.try_into().expect("a 4-byte selector"),
        args: args.to_vec(),
        value: 0,
    }
}
