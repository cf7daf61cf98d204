//! What a client reads in a contract's metadata (`<contract>.json`), checked: the docs that
//! explain units and roles, and the type names that decide how a client scales an amount.
//!
//! Contracts UI and polkadot.js treat a message argument whose type is named `Balance` as the
//! chain's currency: they multiply what a user types by 10^(chain decimals). Token amounts are
//! therefore typed `TokenAmount` (a `u128` by another name) and only JOY amounts `Balance`.
//! ink! 5's metadata has no docs for message arguments, so each argument is explained in its
//! message's docs, named in backticks.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

/// Crates whose types clients see but whose docs are not ours to write.
const FOREIGN_CRATES: [&str; 4] = ["ink_primitives", "ink_env", "ink", "psp22"];

/// Every finding of the checks on one contract's metadata: message or constructor without
/// docs, an argument its message's docs do not name, a type of this suite without docs, a
/// field or variant without docs, an event or event field without docs, and a `Balance`
/// argument not listed in `joy_arguments` (`"message::argument"`, the arguments that are JOY).
pub fn findings(metadata: &Value, joy_arguments: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let spec = &metadata["spec"];
    for kind in ["constructors", "messages"] {
        for message in spec[kind].as_array().into_iter().flatten() {
            check_message(message, joy_arguments, &mut found);
        }
    }
    for event in spec["events"].as_array().into_iter().flatten() {
        let label = event["label"].as_str().unwrap_or("?");
        if is_foreign(event["module_path"].as_str().unwrap_or("")) {
            continue;
        }
        if docs(event).is_empty() {
            found.push(format!("event {label}: no docs"));
        }
        for arg in event["args"].as_array().into_iter().flatten() {
            if docs(arg).is_empty() {
                found.push(format!(
                    "event {label}: field {} has no docs",
                    arg["label"].as_str().unwrap_or("?")
                ));
            }
        }
    }
    for entry in metadata["types"].as_array().into_iter().flatten() {
        check_type(&entry["type"], &mut found);
    }
    found
}

fn check_message(message: &Value, joy_arguments: &[&str], found: &mut Vec<String>) {
    let label = message["label"].as_str().unwrap_or("?");
    let text = docs(message);
    if text.is_empty() {
        found.push(format!("{label}: no docs"));
    }
    // A trait message is labelled `Trait::message`; the JOY list names the message alone.
    let name = label.rsplit("::").next().unwrap_or(label);
    for arg in message["args"].as_array().into_iter().flatten() {
        let arg_label = arg["label"].as_str().unwrap_or("?");
        if !text.contains(&format!("`{arg_label}`")) {
            found.push(format!(
                "{label}: argument `{arg_label}` is not named in the docs"
            ));
        }
        let display = arg["type"]["displayName"]
            .as_array()
            .and_then(|d| d.last())
            .and_then(Value::as_str);
        if display == Some("Balance") && !joy_arguments.contains(&format!("{name}::{arg_label}").as_str()) {
            found.push(format!(
                "{label}: argument `{arg_label}` is typed `Balance` (clients scale it as JOY); \
                 a token amount is a `TokenAmount`"
            ));
        }
    }
}

fn check_type(ty: &Value, found: &mut Vec<String>) {
    let path: Vec<&str> = ty["path"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let Some(first) = path.first() else {
        return; // primitives, tuples, sequences, arrays: nothing to document
    };
    if is_foreign(first) || path.len() == 1 {
        return; // `Option`, `Result` and the like have a one-segment path
    }
    let name = path.join("::");
    if docs(ty).is_empty() {
        found.push(format!("type {name}: no docs"));
    }
    let def = &ty["def"];
    for field in def["composite"]["fields"].as_array().into_iter().flatten() {
        if let Some(field_name) = field["name"].as_str() {
            if docs(field).is_empty() {
                found.push(format!("type {name}: field {field_name} has no docs"));
            }
        }
    }
    for variant in def["variant"]["variants"].as_array().into_iter().flatten() {
        if docs(variant).is_empty() {
            found.push(format!(
                "type {name}: variant {} has no docs",
                variant["name"].as_str().unwrap_or("?")
            ));
        }
        for field in variant["fields"].as_array().into_iter().flatten() {
            if let Some(field_name) = field["name"].as_str() {
                if docs(field).is_empty() {
                    found.push(format!("type {name}: field {field_name} has no docs"));
                }
            }
        }
    }
}

fn is_foreign(path_start: &str) -> bool {
    let krate = path_start.split("::").next().unwrap_or(path_start);
    FOREIGN_CRATES.contains(&krate)
}

/// The docs of a metadata entry, joined into one text (empty when it has none).
fn docs(entry: &Value) -> String {
    entry["docs"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

/// The docs of the messages of every trait in a Rust source file, by metadata label
/// (`Trait::message`), one entry per doc line as ink! writes them.
///
/// ink! 5 writes a trait message's docs into the metadata from the contract's `impl` block,
/// not from the `#[ink::trait_definition]`. The suite documents each message once, in its
/// trait, and [`add_trait_docs`] copies those docs into the built metadata.
pub fn trait_message_docs(source: &str) -> HashMap<String, Vec<String>> {
    let mut docs = HashMap::new();
    let mut current_trait: Option<String> = None;
    let mut pending: Vec<String> = Vec::new();
    for line in source.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("pub trait ") {
            current_trait = rest
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .map(str::to_string);
            pending.clear();
        } else if let Some(doc) = line.strip_prefix("///") {
            pending.push(doc.strip_prefix(' ').unwrap_or(doc).to_string());
        } else if line.starts_with("#[") {
            // attributes between the docs and the signature
        } else if let (Some(rest), Some(name)) = (line.strip_prefix("fn "), &current_trait) {
            let message = rest.split('(').next().unwrap_or(rest).trim();
            if !pending.is_empty() {
                docs.insert(format!("{name}::{message}"), std::mem::take(&mut pending));
            }
        } else {
            pending.clear();
        }
    }
    docs
}

/// Fills in the docs of the trait messages that have none in a built metadata file (a
/// `.json`, or a `.contract` bundle, which carries the same metadata). Returns how many
/// messages it documented.
pub fn add_trait_docs(path: &Path, docs: &HashMap<String, Vec<String>>) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut metadata: Value = serde_json::from_str(&text).expect("metadata JSON");
    let mut documented = 0;
    for message in metadata["spec"]["messages"].as_array_mut().into_iter().flatten() {
        let label = message["label"].as_str().unwrap_or_default().to_string();
        let empty = message["docs"].as_array().is_none_or(|d| d.is_empty());
        if let (true, Some(lines)) = (empty, docs.get(&label)) {
            message["docs"] = lines.iter().map(|l| Value::String(l.clone())).collect();
            documented += 1;
        }
    }
    let text = serde_json::to_string_pretty(&metadata).expect("metadata JSON");
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    documented
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn contract(message: Value, types: Value, events: Value) -> Value {
        json!({ "spec": { "constructors": [], "messages": [message], "events": events }, "types": types })
    }

    #[test]
    fn a_documented_contract_has_no_findings() {
        let metadata = contract(
            json!({ "label": "Amm::buy_on_amm", "docs": ["Buys `amount` tokens for at most `max_cost` JOY."],
                    "args": [ { "label": "amount", "type": { "displayName": ["TokenAmount"] } },
                              { "label": "max_cost", "type": { "displayName": ["Balance"] } } ] }),
            json!([ { "id": 0, "type": { "path": ["crt_logic", "amm", "AmmQuote"], "docs": ["A price."],
                      "def": { "composite": { "fields": [ { "name": "joy", "docs": ["JOY."] } ] } } } } ]),
            json!([ { "label": "Bought", "module_path": "crt_logic::events", "docs": ["Tokens bought."],
                      "args": [ { "label": "amount", "docs": ["Tokens."] } ] } ]),
        );
        assert_eq!(
            findings(&metadata, &["buy_on_amm::max_cost"]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn every_missing_doc_and_a_token_amount_typed_balance_are_found() {
        let metadata = contract(
            json!({ "label": "PSP22::transfer", "docs": ["Sends tokens to `to`."],
                    "args": [ { "label": "to", "type": { "displayName": ["AccountId"] } },
                              { "label": "value", "type": { "displayName": ["Balance"] } } ] }),
            json!([
                { "id": 0, "type": { "path": ["crt_logic", "amm", "AmmQuote"],
                  "def": { "composite": { "fields": [ { "name": "joy" } ] } } } },
                { "id": 1, "type": { "path": ["crt_logic", "errors", "Error"], "docs": ["Errors."],
                  "def": { "variant": { "variants": [ { "name": "Frozen" } ] } } } },
                { "id": 2, "type": { "path": ["ink_primitives", "types", "AccountId"], "def": { "composite": {} } } },
                { "id": 3, "type": { "path": ["Option"], "def": { "variant": { "variants": [ { "name": "None" } ] } } } }
            ]),
            json!([ { "label": "Bought", "module_path": "crt_logic::events", "args": [ { "label": "amount" } ] },
                    { "label": "Transfer", "module_path": "psp22::events", "args": [ { "label": "value" } ] } ]),
        );
        assert_eq!(
            findings(&metadata, &[]),
            vec![
                "PSP22::transfer: argument `value` is not named in the docs".to_string(),
                "PSP22::transfer: argument `value` is typed `Balance` (clients scale it as JOY); a token amount is a `TokenAmount`".into(),
                "event Bought: no docs".into(),
                "event Bought: field amount has no docs".into(),
                "type crt_logic::amm::AmmQuote: no docs".into(),
                "type crt_logic::amm::AmmQuote: field joy has no docs".into(),
                "type crt_logic::errors::Error: variant Frozen has no docs".into(),
            ]
        );
    }

    #[test]
    fn trait_docs_are_read_by_message_and_fill_only_empty_docs() {
        let source = "
            /// Not a trait.
            pub fn free() {}
            #[ink::trait_definition]
            pub trait Amm {
                /// Buys `amount` tokens.
                ///
                /// # Errors
                /// `Frozen`.
                #[ink(message, payable)]
                fn buy_on_amm(&mut self, amount: u128) -> Result<(), Error>;

                #[ink(message)]
                fn undocumented(&self);
            }
        ";
        let docs = trait_message_docs(source);
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs["Amm::buy_on_amm"],
            vec!["Buys `amount` tokens.", "", "# Errors", "`Frozen`."]
        );

        let dir = std::env::temp_dir().join(format!("crt-metadata-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("crt.json");
        let built = json!({ "spec": { "messages": [
            { "label": "Amm::buy_on_amm", "docs": [] },
            { "label": "PSP22::transfer", "docs": ["Own docs."] },
        ] } });
        std::fs::write(&path, built.to_string()).unwrap();
        assert_eq!(add_trait_docs(&path, &docs), 1);
        let written: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(written["spec"]["messages"][0]["docs"][0], "Buys `amount` tokens.");
        assert_eq!(written["spec"]["messages"][1]["docs"], json!(["Own docs."]));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
