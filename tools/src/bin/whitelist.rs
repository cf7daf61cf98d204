//! `cargo run -p crt-tools --bin whitelist -- [--sale] FILE` — reads `SS58 [cap]` lines and
//! prints the Merkle root and every member's proof as JSON (see `crt_tools::whitelist`).

use crt_tools::whitelist::{build, parse, to_json, Kind};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kind = if args.iter().any(|a| a == "--sale") {
        Kind::Sale
    } else {
        Kind::Token
    };
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: whitelist [--sale] FILE   (lines: SS58 address, optional cap)");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2);
    });
    let members = parse(&text).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2);
    });
    match build(&members, kind) {
        Some(list) => print!("{}", to_json(&list)),
        None => {
            eprintln!("the list is empty");
            std::process::exit(2);
        }
    }
}
