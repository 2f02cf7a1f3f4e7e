//! # smtp-reply
//!
//! Parse, explain and classify SMTP server replies such as
//! `421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp`.
//!
//! The core is `no_std` and allocation-free: parsing borrows the input ([`Reply`]), reports
//! [`Status::Partial`] when more bytes are needed, and fails with a small `Copy` [`Error`]
//! that says what and where. Strict RFC 5321 parsing is the default; [`ParserConfig`]'s
//! `allow_*` switches (or [`ParserConfig::lenient`]) accept what real servers and pasted logs do.
//!
//! ```
//! use smtp_reply::{parse, ParserConfig};
//! let reply = parse(b"250-mx.example.com at your service\r\n250 SIZE 35882577\r\n",
//!                   &ParserConfig::strict()).unwrap().unwrap();
//! assert!(reply.code().is_positive_completion());
//! assert_eq!(reply.line_count(), 2);
//! ```
//!
//! Features: `std` (default; `std::error::Error` impls), `alloc` (the streaming
//! [`ReplyParser`], the [`ReplyBuilder`], joined text), `serde` (`Serialize` for replies,
//! lines, EHLO replies and classifications, named as JavaScript's results are), and `wasm`
//! (the bindings behind the npm package).
#![no_std]
// The audited `unsafe` blocks: in `scan.rs`, they load and store 16 bytes and call SSE2 (or
// wasm SIMD128) for the line-ending search and the phrase matcher's lower-casing and word scan;
// in `wasm.rs`, one reaches the module's engine (one thread, no call re-enters).
#![deny(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod advice;
#[cfg(feature = "alloc")]
mod builder;
mod classify;
mod code;
mod command;
mod config;
mod ehlo;
mod enhanced;
mod error;
mod examples;
mod explain;
mod extract;
mod phrases;
pub mod provider;
mod reason;
mod registry;
mod reply;
pub mod retry;
mod scan;
#[cfg(feature = "alloc")]
mod stream;
mod texts;
#[cfg(feature = "wasm")]
#[doc(hidden)] // the npm package's bindings; public for tests/wasm.rs
pub mod wasm;

pub use advice::{Advice, AdviceScope};
#[cfg(feature = "alloc")]
pub use builder::ReplyBuilder;
pub use classify::{
    classify, classify_extracted, classify_lines, classify_str, classify_text, classify_text_with,
    Action, AdviceSource, Classification, Links, UnknownAction,
};
pub use code::{Category, InvalidReplyCode, ReplyCode, Severity};
pub use command::{Command, UnknownCommand};
pub use config::ParserConfig;
pub use ehlo::{Ehlo, Extension, ExtensionKind, Extensions};
pub use enhanced::{EnhancedStatus, InvalidEnhancedStatus, StatusClass};
pub use error::{Error, ErrorKind};
pub use examples::example_replies;
pub use explain::{
    basic_codes, code_definitions, extension_notes, CodeDefinition, DigitMeaning, ExtensionNote,
};
pub use extract::{extract, Extracted, Segments, Source};
pub use provider::Provider;
pub use reason::{Reason, UnknownReason};
pub use registry::{enhanced_codes, subject_meaning, subject_name, EnhancedDefinition};
pub use reply::{
    parse, parse_flattened, parse_lines, parse_str, replies, Line, Lines, Replies, Reply, Status,
};
pub use retry::{RetryDelay, RetrySchedule};
#[cfg(feature = "alloc")]
pub use stream::ReplyParser;
pub use texts::{TextIter, TextList};

/// The README's Rust examples, compiled and run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
