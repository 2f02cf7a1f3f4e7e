//! Classifies every record of the sisimai-derived corpus (`../shared/corpus/sisimai-dev.jsonl`)
//! through `extract` + `classify` with no command, and requires at least 90% agreement on the
//! reason. Prints the confusion of the disagreements. The rules are general: no record is
//! special-cased, and the same rules are measured on replies not seen here.

use smtp_reply::{classify_text, Reason};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A string value of a flat JSON object, decoded (`\"`, `\\`, `\n`, `\r`, `\t`, `\uXXXX`).
fn json_string(line: &str, key: &str) -> Option<String> {
    let pat = format!("\"{key}\":");
    let at = line.find(&pat)? + pat.len();
    let rest = line[at..].trim_start();
    let mut chars = rest.strip_prefix('"')?.chars();
    let mut out = String::new();
    loop {
        match chars.next()? {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let mut cp = u32::from_str_radix(&hex, 16).ok()?;
                    if (0xD800..0xDC00).contains(&cp) {
                        // A surrogate pair.
                        let low: String = chars.by_ref().skip(2).take(4).collect();
                        let low = u32::from_str_radix(&low, 16).ok()?;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                }
                c => out.push(c),
            },
            c => out.push(c),
        }
    }
}

#[test]
fn json_reader_decodes_escapes() {
    let line = r#"{"text": "550-a \"b\"\r\n550 c\\d \u00e9", "reason": "userunknown"}"#;
    assert_eq!(
        json_string(line, "text").unwrap(),
        "550-a \"b\"\r\n550 c\\d é"
    );
    assert_eq!(json_string(line, "reason").unwrap(), "userunknown");
    assert_eq!(json_string(line, "missing"), None);
}

#[test]
fn corpus_reason_agreement_at_least_90_percent() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/sisimai-dev.jsonl");
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "corpus missing at {}: {e} (shared/ must sit beside the repo)",
            path.display()
        )
    });
    let mut total = 0;
    let mut agree = 0;
    let mut confusion: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let text = json_string(line, "text").unwrap_or_else(|| panic!("line {}: no text", n + 1));
        let want =
            json_string(line, "reason").unwrap_or_else(|| panic!("line {}: no reason", n + 1));
        want.parse::<Reason>()
            .unwrap_or_else(|_| panic!("line {}: unknown reason {want}", n + 1));
        total += 1;
        let got = classify_text(text.as_bytes())
            .map_or("(none)".to_string(), |c| c.reason().as_str().to_string());
        if got == want {
            agree += 1;
        } else {
            let short: String = text.chars().take(110).collect();
            confusion
                .entry((want, got))
                .or_default()
                .push(short.replace("\r\n", " | "));
        }
    }
    assert!(total >= 100, "corpus too small: {total} records");
    let pct = 100.0 * agree as f64 / total as f64;
    println!("reason agreement: {agree}/{total} = {pct:.1}%");
    println!("disagreements (expected -> got):");
    for ((want, got), texts) in &confusion {
        println!("  {want:>15} -> {got:<15} x{}", texts.len());
        for t in texts {
            println!("        {t}");
        }
    }
    assert!(pct >= 90.0, "reason agreement {pct:.1}% is below 90%");
}
