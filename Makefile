# smtp-reply: `make demo` builds everything and serves the demo page; `make test` runs every test.
# Each step is a script in .ci/ so that CI and people run exactly the same thing.
SHELL := /bin/bash
.PHONY: demo test setup pkg serve test-rust test-nostd test-wasm test-pkg test-e2e fuzz bench bench-js clean

demo: setup pkg serve

test: setup test-rust test-nostd pkg test-wasm test-pkg test-e2e fuzz

# Installs what the build and the tests need (skipped when already present).
setup:
	bash .ci/setup.sh

# The npm package in pkg/: wasm build, wasm-bindgen, wasm-opt, size report.
pkg:
	bash .ci/build-pkg.sh

serve:
	node www/serve.mjs

test-rust:
	bash .ci/test-rust.sh

test-nostd:
	cargo build --lib --no-default-features --target thumbv7em-none-eabihf
	cargo build --lib --no-default-features --features alloc --target thumbv7em-none-eabihf

test-wasm:
	bash .ci/test-wasm.sh

test-pkg:
	bash .ci/test-pkg.sh

test-e2e:
	bash .ci/test-e2e.sh

fuzz:
	bash .ci/fuzz.sh $(FUZZ_SECONDS)

bench:
	cargo bench --bench parse
	cargo run --release --example interleaved

bench-js: pkg
	node benches/node/bench.mjs

clean:
	cargo clean
	rm -rf pkg/dist pkg/node_modules www/node_modules tests/artifacts
