//! Classification of any text (`classify_text`: extraction from logs, DSNs and transcripts,
//! then lenient parsing) and of any parsed reply, with every accessor read. Must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_reply::{classify, classify_text, parse, Classification, Command, ParserConfig, Status};

const COMMANDS: [Option<Command>; 5] = [
    None,
    Some(Command::Ehlo),
    Some(Command::Mail),
    Some(Command::Rcpt),
    Some(Command::EndOfData),
];

fn read_all(c: &Classification<'_>) {
    let _ = (
        c.text(),
        c.reply(),
        c.code(),
        c.enhanced(),
        c.reason(),
        c.provider(),
        c.command(),
    );
    let _ = (
        c.action(),
        c.retry_delay(),
        c.schedule(),
        c.source(),
        c.is_hard(),
        c.is_retryable(),
    );
    let _ = (c.severity(), c.contradicts_code(), c.advice().summary());
    let _ = c.links().count();
    if let Some(reply) = c.reply() {
        assert_eq!(reply.lines().count(), reply.line_count());
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    if let Some(c) = classify_text(input) {
        read_all(&c);
    }
    if let Ok(Status::Complete(reply)) = parse(input, &ParserConfig::lenient()) {
        let c = classify(&reply, COMMANDS[selector as usize % COMMANDS.len()]);
        assert_eq!(c.code(), Some(reply.code()));
        read_all(&c);
    }
});
