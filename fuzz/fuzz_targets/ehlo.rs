//! EHLO replies: any text parsed leniently, then read as an EHLO reply — domain, greeting,
//! every extension with its parameters — and every line read as an extension on its own.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_reply::{parse, Ehlo, Extension, ParserConfig, Status};

fuzz_target!(|data: &[u8]| {
    if let Ok(Status::Complete(reply)) = parse(data, &ParserConfig::lenient()) {
        if let Some(ehlo) = Ehlo::from_reply(reply) {
            let _ = (
                ehlo.domain(),
                ehlo.greeting(),
                ehlo.size(),
                ehlo.reply().code(),
            );
            let _ = ehlo.auth_mechanisms().count();
            for ext in ehlo.extensions() {
                let _ = (ext.keyword(), ext.kind(), ext.params_str(), ext.number());
                let _ = ext.params().count();
                assert!(ehlo.supports(ext.keyword()));
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        for line in text.lines() {
            if let Some(ext) = Extension::from_line(line) {
                let _ = (
                    ext.keyword(),
                    ext.kind().keyword(),
                    ext.number(),
                    ext.params().count(),
                );
            }
        }
    }
});
