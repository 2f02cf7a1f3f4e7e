//! Prints the names that the npm package's records number (severities, reasons, providers,
//! commands, ...) as JSON, for `.ci/build-pkg.sh` to write into `pkg/lib/api.js`'s bundle: they
//! are constant, so the WebAssembly module need not carry them. Run natively:
//!
//! ```text
//! cargo run --example js_tables --features wasm
//! ```

fn main() {
    println!("{}", smtp_reply::wasm::tables());
}
