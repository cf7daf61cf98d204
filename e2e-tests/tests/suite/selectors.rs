//! Every message in the token's metadata reaches code that runs it: called through its selector
//! (as any client calls it, from the metadata alone) with arguments built from the metadata's
//! types, each one is dispatched — by the token itself or, forwarded, by its library — and
//! answers in its declared type: a trap, or ink!'s `CouldNotReadInput` (no message with that
//! selector, or arguments it cannot decode), fails the test. The arguments are the "zero" of
//! each type (0, empty, `None`, the first variant), so most state-changing messages answer with
//! one of the token's errors; what matters here is that they answer.

use crate::common::*;
use crt_traits::TransferPolicy;
use ink::env::call::{build_call, ExecutionInput, Selector};
use ink::env::DefaultEnvironment;
use ink_e2e::ContractsBackend;
use psp22::PSP22;
use serde_json::Value;

/// Arguments already SCALE-encoded, written as they are.
#[derive(Clone)]
struct Encoded(Vec<u8>);

impl scale::Encode for Encoded {
    fn size_hint(&self) -> usize {
        self.0.len()
    }

    fn encode_to<T: scale::Output + ?Sized>(&self, dest: &mut T) {
        dest.write(&self.0)
    }
}

/// The SCALE encoding of the "zero" value of type `id` of the metadata's registry.
fn zero(types: &[Value], id: u64, out: &mut Vec<u8>) {
    let entry = types
        .iter()
        .find(|t| t["id"].as_u64() == Some(id))
        .unwrap_or_else(|| panic!("type {id} in the registry"));
    let def = &entry["type"]["def"];
    if let Some(primitive) = def["primitive"].as_str() {
        let width = match primitive {
            "bool" | "u8" | "i8" => 1,
            "u16" | "i16" => 2,
            "u32" | "i32" | "char" => 4,
            "u64" | "i64" => 8,
            "u128" | "i128" => 16,
            "u256" | "i256" => 32,
            "str" => 1,
            other => panic!("primitive {other}"),
        };
        out.extend(std::iter::repeat_n(0u8, width));
    } else if let Some(composite) = def.get("composite") {
        for field in composite["fields"].as_array().into_iter().flatten() {
            zero(types, field["type"].as_u64().expect("field type"), out);
        }
    } else if let Some(variant) = def.get("variant") {
        let first = variant["variants"]
            .as_array()
            .and_then(|v| v.iter().min_by_key(|v| v["index"].as_u64()))
            .expect("a variant");
        out.push(first["index"].as_u64().expect("index") as u8);
        for field in first["fields"].as_array().into_iter().flatten() {
            zero(types, field["type"].as_u64().expect("field type"), out);
        }
    } else if def.get("sequence").is_some() || def.get("compact").is_some() {
        out.push(0);
    } else if let Some(array) = def.get("array") {
        for _ in 0..array["len"].as_u64().expect("len") {
            zero(types, array["type"].as_u64().expect("array type"), out);
        }
    } else if let Some(tuple) = def.get("tuple") {
        for id in tuple.as_array().into_iter().flatten() {
            zero(types, id.as_u64().expect("tuple type"), out);
        }
    } else {
        panic!("type {id}: unknown definition {def}");
    }
}

fn selector(message: &Value) -> [u8; 4] {
    let hex = message["selector"]
        .as_str()
        .expect("selector")
        .trim_start_matches("0x");
    let bytes: Vec<u8> = (0..4)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex"))
        .collect();
    bytes.try_into().expect("4 bytes")
}

#[test]
fn every_token_message_in_the_metadata_is_dispatched_through_its_selector() {
    let metadata = crt_tools::build::token_metadata();
    run(|mut client: Client| async move {
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let bob = ink_e2e::bob();
        let issued = params("SEL", vec![allocate(&bob, 1_000)], TransferPolicy::Permissionless);
        let (token, _) = issue(&mut client, &mut factory, &bob, issued).await?;
        let types = metadata["types"].as_array().expect("types");
        let messages = metadata["spec"]["messages"].as_array().expect("messages");
        let mut labels = Vec::new();
        for message in messages {
            let label = message["label"].as_str().expect("label").to_string();
            let mut args = Vec::new();
            for arg in message["args"].as_array().into_iter().flatten() {
                zero(types, arg["type"]["type"].as_u64().expect("arg type"), &mut args);
            }
            let call = build_call::<DefaultEnvironment>()
                .call(token)
                .exec_input(ExecutionInput::new(Selector::new(selector(message))).push_arg(Encoded(args)))
                .returns::<()>();
            let dry = client
                .call(&bob, &call)
                .dry_run()
                .await
                .map_err(|e| format!("{label}: {e:?}"))?;
            let output = dry
                .exec_result
                .result
                .map_err(|e| format!("{label} trapped: {e:?}"))?;
            // `MessageResult<T>`: 0 = the message ran (its own `Ok` or `Err` follows);
            // 1 = ink!'s `LangError` (`CouldNotReadInput`).
            assert_eq!(output.data.first(), Some(&0), "{label}: {:?}", output.data);
            labels.push(label);
        }
        // The metadata lists the PSP22 messages and the library's, by their traits.
        for expected in [
            "PSP22::transfer",
            "PSP22Burnable::burn",
            "Amm::buy_on_amm",
            "Amm::sell_on_amm",
            "Sale::purchase_tokens_on_sale",
            "RevenueSplit::participate_in_split",
            "Patronage::claim_patronage_credit",
            "Issuer::deissue",
            "TokenQueries::token_info",
            "Governed::sync_constraints",
            "Accounts::multi_transfer",
        ] {
            assert!(
                labels.iter().any(|l| l == expected),
                "{expected} missing from {labels:?}"
            );
        }
        assert_eq!(labels.len(), messages.len());
        // The check itself: a selector no message has is answered with `CouldNotReadInput`.
        let unknown = build_call::<DefaultEnvironment>()
            .call(token)
            .exec_input(ExecutionInput::new(Selector::new([0xDE, 0xAD, 0xBE, 0xEF])))
            .returns::<()>();
        let dry = client.call(&bob, &unknown).dry_run().await?;
        let output = dry.exec_result.result.map_err(|e| format!("{e:?}"))?;
        assert_eq!(output.data, vec![1, ink::LangError::CouldNotReadInput as u8]);
        Ok(())
    })
}

/// The token dispatches its own messages (the PSP22 transfers, allowances and balances) with
/// hand-written entry points; they answer on the wire as ink!'s
/// generated ones do, which clients rely on.
#[test]
fn the_tokens_own_dispatch_answers_as_ink_does() {
    run(|mut client: Client| async move {
        let (_, mut factory) = deploy_factory(&mut client).await?;
        let bob = ink_e2e::bob();
        let issued = params(
            "WIRE",
            vec![allocate(&bob, 1_000)],
            TransferPolicy::Permissionless,
        );
        let (token, token_calls) = issue(&mut client, &mut factory, &bob, issued).await?;
        let transfer = ink::selector_bytes!("PSP22::transfer");
        let raw = |args: Vec<u8>| {
            build_call::<DefaultEnvironment>()
                .call(token)
                .exec_input(ExecutionInput::new(Selector::new(transfer)).push_arg(Encoded(args)))
                .returns::<()>()
        };
        let charlie = ink_e2e::charlie();
        let to_charlie = |amount: u128| {
            let mut args = scale::Encode::encode(&id(&charlie));
            args.extend(scale::Encode::encode(&amount));
            args.extend(scale::Encode::encode(&Vec::<u8>::new()));
            args
        };

        // Success: `Ok(Ok(()))`, not reverted.
        let dry = client.call(&bob, &raw(to_charlie(10))).dry_run().await?;
        let output = dry.exec_result.result.map_err(|e| format!("{e:?}"))?;
        assert_eq!(output.data, vec![0, 0]);
        assert!(!output.did_revert());

        // The message's own error: `Ok(Err(InsufficientBalance))`, reverted.
        let dry = client.call(&bob, &raw(to_charlie(1_001))).dry_run().await?;
        let output = dry.exec_result.result.map_err(|e| format!("{e:?}"))?;
        let expected = scale::Encode::encode(&Ok::<Result<(), psp22::PSP22Error>, ink::LangError>(Err(
            psp22::PSP22Error::InsufficientBalance,
        )));
        assert_eq!(output.data, expected);
        assert!(output.did_revert());

        // Arguments that do not decode: `Err(CouldNotReadInput)`, reverted.
        let dry = client.call(&bob, &raw(vec![1, 2, 3])).dry_run().await?;
        let output = dry.exec_result.result.map_err(|e| format!("{e:?}"))?;
        assert_eq!(output.data, vec![1, ink::LangError::CouldNotReadInput as u8]);
        assert!(output.did_revert());

        // JOY sent with an unpayable message traps the call.
        let dry = client.call(&bob, &raw(to_charlie(10))).value(1).dry_run().await?;
        assert!(dry.exec_result.result.is_err(), "{:?}", dry.exec_result.result);

        // The deployment the token's constructor hands to its main library, sent to a live
        // token by anyone, is refused and changes nothing.
        let (_, libraries) = code_pair(&mut client, &factory).await?;
        let eve = ink_e2e::eve();
        let redeploy = crt_logic::token_messages::Deployment {
            libraries,
            token_id: 99,
            issuer: id(&eve),
            params: params(
                "EVE",
                vec![allocate(&eve, 1_000_000)],
                TransferPolicy::Permissionless,
            ),
            constraints: crt_traits::TokenConstraints::defaults(BOND),
            blocks_per_year: BLOCKS_PER_YEAR,
            live_marker: id(&eve),
        };
        let deploy_token = build_call::<DefaultEnvironment>()
            .call(token)
            .exec_input(
                ExecutionInput::new(Selector::new(crt_logic::forward::DEPLOY_TOKEN)).push_arg(redeploy),
            )
            .returns::<Result<(), crt::Error>>();
        let refused = client.call(&eve, &deploy_token).value(BOND).dry_run().await?;
        assert_eq!(refused.return_value(), Err(crt::Error::TokenAlreadyDeployed));
        let balance = client
            .call(&eve, &token_calls.balance_of(id(&eve)))
            .dry_run()
            .await?;
        assert_eq!(balance.return_value(), 0);
        Ok(())
    })
}
