//! The code a factory is deployed with: one place that knows the six uploads and the order
//! the factory's constructor takes their hashes in (the suite, the node test and the demo all
//! deploy through it).

use crt_traits::TokenLibraries;
use ink::env::DefaultEnvironment;
use ink::primitives::Hash;
use ink_e2e::{ContractsBackend, E2EBackend, Keypair};

use crate::E2EResult;

/// Code hashes of the uploaded token, token libraries, factory library and live marker: the
/// first four arguments of the factory's constructor, in this order.
pub struct SuiteCode {
    pub token: Hash,
    pub token_libraries: TokenLibraries,
    pub factory_library: Hash,
    pub live_marker: Hash,
}

/// Uploads the token, token libraries (main, AMM, accounts), factory library and live marker code
/// (any ink_e2e backend).
pub async fn upload_suite_code<C>(client: &mut C, signer: &Keypair) -> E2EResult<SuiteCode>
where
    C: E2EBackend<DefaultEnvironment> + ContractsBackend<DefaultEnvironment, Error: std::fmt::Debug>,
{
    let mut hashes = [Hash::from([0; 32]); 6];
    for (hash, name) in hashes.iter_mut().zip([
        "crt",
        "crt_library",
        "amm_library",
        "accounts_library",
        "factory_library",
        "live_marker",
    ]) {
        *hash = ContractsBackend::<DefaultEnvironment>::upload(client, name, signer)
            .submit()
            .await
            .map_err(|e| format!("upload {name}: {e:?}"))?
            .code_hash;
    }
    let [token, main, amm, accounts, factory_library, live_marker] = hashes;
    Ok(SuiteCode {
        token,
        token_libraries: TokenLibraries { main, amm, accounts },
        factory_library,
        live_marker,
    })
}
