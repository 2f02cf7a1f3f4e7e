//! The knowledge tables against the reference data in `../shared/reference/`: every row of
//! `reply-codes.tsv` and `enhanced-status-codes.tsv` must have its entry, and every reason
//! and code must have advice. The files must be present: a missing file fails the test.

use smtp_reply::{
    basic_codes, code_definitions, enhanced_codes, example_replies, extension_notes, subject_name,
    AdviceScope, EnhancedStatus, Reason, ReplyCode, StatusClass,
};
use std::collections::HashSet;
use std::path::PathBuf;

fn reference(name: &str) -> Vec<Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/reference")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("reference data {} is required: {e}", path.display()));
    let mut lines = text.lines();
    let width = lines.next().expect("header").split('\t').count();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut cells: Vec<String> = l.split('\t').map(str::to_owned).collect();
            cells.resize(width, String::new());
            cells
        })
        .collect()
}

fn code(n: u16) -> ReplyCode {
    ReplyCode::from_u16(n).unwrap()
}

/// The numbers of three digits in a text, such as the basic codes listed in a cell.
fn three_digit_numbers(text: &str) -> HashSet<u16> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 3)
        .filter_map(|w| w.parse().ok())
        .collect()
}

#[test]
fn every_reply_code_row_has_a_definition() {
    let rows = reference("reply-codes.tsv");
    let mut code_rows = 0;
    let mut note_rows = 0;
    for row in &rows {
        let (kind, id, class, rfc) = (&row[0], &row[1], &row[2], &row[4]);
        match kind.as_str() {
            "first_digit" => {
                let d: u16 = id[..1].parse().unwrap();
                let first = code(d * 100 + 50).digit_meanings()[0];
                assert_eq!(first.digit as u16, d);
                if d == 1 {
                    assert_eq!(first.name, "Positive preliminary");
                    assert!(first.meaning.contains("must not"), "{}", first.meaning);
                } else {
                    assert!(
                        first.name.eq_ignore_ascii_case(class),
                        "{id}: {}",
                        first.name
                    );
                }
            }
            "second_digit" => {
                let d: u16 = id[1..2].parse().unwrap();
                let second = code(500 + d * 10).digit_meanings()[1];
                assert!(
                    second.name.eq_ignore_ascii_case(class),
                    "{id}: {}",
                    second.name
                );
            }
            "code" if id == "(none)" => {
                note_rows += 1;
                assert!(
                    extension_notes().iter().any(|n| n.rfc == rfc.as_str()),
                    "no extension note for {rfc}"
                );
            }
            "code" => {
                code_rows += 1;
                let n: u16 = id.parse().unwrap();
                let defs = code(n).definitions();
                let def = defs
                    .iter()
                    .find(|d| rfc.starts_with(d.rfc()))
                    .unwrap_or_else(|| panic!("{n} has no definition from {rfc}"));
                assert_eq!(def.code, n);
                assert!(
                    !def.meaning().is_empty() && !def.commands().is_empty(),
                    "{n} {rfc}"
                );
                assert_eq!(
                    def.extension().is_none(),
                    matches!(def.rfc(), "RFC 5321" | "RFC 7504")
                );
                assert!(code(n).title().is_some(), "{n}");
            }
            other => panic!("unexpected row kind {other}"),
        }
    }
    assert_eq!(
        code_definitions().len(),
        code_rows,
        "one definition per code row"
    );
    assert_eq!(
        extension_notes().len(),
        note_rows,
        "one note per extension row"
    );
    let from_tsv: HashSet<u16> = rows
        .iter()
        .filter(|r| r[0] == "code")
        .filter_map(|r| r[1].parse().ok())
        .collect();
    let ours: HashSet<u16> = basic_codes().map(|c| c.as_u16()).collect();
    assert_eq!(ours, from_tsv);
}

#[test]
fn every_enhanced_row_has_an_entry() {
    let rows = reference("enhanced-status-codes.tsv");
    let mut enumerated = 0;
    for row in &rows {
        let (id, kind, title, basic, reference) = (&row[0], &row[1], &row[2], &row[3], &row[4]);
        match kind.as_str() {
            "class" => {
                let class = StatusClass::from_digit(id[..1].parse().unwrap()).unwrap();
                assert!(
                    class.name().eq_ignore_ascii_case(title),
                    "{id}: {}",
                    class.name()
                );
                assert!(!class.meaning().is_empty());
            }
            "subject" => {
                let s: u16 = id.split('.').nth(1).unwrap().parse().unwrap();
                let name = subject_name(s).unwrap();
                assert!(name.eq_ignore_ascii_case(title), "{id}: {name}");
                assert!(smtp_reply::subject_meaning(s).is_some());
            }
            "enumerated" => {
                enumerated += 1;
                let mut parts = id.split('.').skip(1).map(|p| p.parse::<u16>().unwrap());
                let (s, d) = (parts.next().unwrap(), parts.next().unwrap());
                for class in [2, 4, 5] {
                    let def = EnhancedStatus::new(class, s, d).unwrap().definition();
                    let def = def.unwrap_or_else(|| panic!("no entry for {id}"));
                    assert_eq!((def.subject, def.detail), (s, d));
                    assert_eq!(def.title(), title, "{id}");
                    assert_eq!(def.reference(), reference, "{id}");
                    assert!(!def.description().is_empty(), "{id}");
                    let ours = three_digit_numbers(def.basic_codes());
                    assert!(
                        ours.is_subset(&three_digit_numbers(basic)),
                        "{id}: {}",
                        def.basic_codes()
                    );
                    if !basic.contains("registry snapshot") {
                        assert_eq!(ours, three_digit_numbers(basic), "{id}");
                    }
                }
            }
            other => panic!("unexpected row kind {other}"),
        }
    }
    assert_eq!(enhanced_codes().len(), enumerated);
    assert!(enhanced_codes()
        .iter()
        .any(|d| (d.subject, d.detail) == (7, 20)));
    assert!(enhanced_codes()
        .iter()
        .any(|d| (d.subject, d.detail) == (7, 30)));
}

/// sisimai's reason name, with the names it retired in v5.6 mapped to their successors.
fn sisimai_reason(name: &str) -> Option<Reason> {
    match name {
        "" => None,
        "exceedlimit" | "mesgtoobig" => Some(Reason::EmailTooLarge),
        "speeding" | "toomanyconn" => Some(Reason::RateLimited),
        other => Some(
            other
                .parse()
                .unwrap_or_else(|_| panic!("unknown reason {other}")),
        ),
    }
}

#[test]
fn typical_reasons_match_the_registry_columns() {
    let rows = reference("enhanced-status-codes.tsv");
    let mut checked = 0;
    for row in rows.iter().filter(|r| r[1] == "enumerated") {
        let mut parts = row[0].split('.').skip(1).map(|p| p.parse::<u16>().unwrap());
        let (s, d) = (parts.next().unwrap(), parts.next().unwrap());
        let if5 = sisimai_reason(row[7].trim());
        let if4 = sisimai_reason(row[8].trim());
        assert_eq!(
            EnhancedStatus::new(5, s, d).unwrap().typical_reason(),
            if5,
            "5.{s}.{d}"
        );
        assert_eq!(
            EnhancedStatus::new(4, s, d).unwrap().typical_reason(),
            if4,
            "4.{s}.{d}"
        );
        assert_eq!(
            EnhancedStatus::new(2, s, d).unwrap().typical_reason(),
            Some(Reason::Delivered)
        );
        checked += 1;
    }
    assert!(checked > 80, "only {checked} rows");
    assert_eq!(
        EnhancedStatus::new(5, 7, 606).unwrap().typical_reason(),
        None
    );
}

#[test]
fn every_reason_has_a_description_and_advice() {
    let mut summaries = HashSet::new();
    for &reason in Reason::ALL {
        let advice = reason.advice();
        assert!(!advice.summary().is_empty(), "{reason}");
        assert!(!advice.causes().is_empty(), "{reason} has no cause");
        assert!(!advice.fixes().is_empty(), "{reason} has no fix");
        assert!(!reason.description().is_empty(), "{reason}");
        assert!(
            summaries.insert(advice.summary()),
            "{reason} shares its summary"
        );
    }
    assert_eq!(Reason::ALL.len(), 34);
}

#[test]
fn every_code_has_advice_and_defined_codes_have_their_own() {
    let generic: HashSet<&str> = (100..=999u16)
        .map(code)
        .filter(|c| c.definitions().is_empty())
        .map(|c| c.advice().summary())
        .collect();
    assert!(generic.len() >= 5, "class-generic advice: {generic:?}");
    for n in 100..=999u16 {
        let advice = code(n).advice();
        assert!(
            !advice.summary().is_empty()
                && !advice.causes().is_empty()
                && !advice.fixes().is_empty(),
            "{n}"
        );
    }
    for c in basic_codes() {
        assert!(
            !generic.contains(c.advice().summary()),
            "{c} has only generic advice"
        );
    }
    let advice_421 = code(421).advice();
    for word in ["connections", "aintenance"] {
        assert!(
            advice_421.causes().iter().any(|c| c.contains(word)),
            "421 causes lack {word}"
        );
    }
    assert!(advice_421.fixes().iter().any(|f| f.contains("back-off")));
}

#[test]
fn enhanced_advice_covers_the_gmail_specific_codes() {
    for (detail, word) in [
        (23, "SPF"),
        (26, "SPF"),
        (27, "SPF"),
        (29, "TLS"),
        (30, "DKIM"),
    ] {
        for class in [4, 5] {
            let advice = EnhancedStatus::new(class, 7, detail).unwrap().advice();
            let advice = advice.unwrap_or_else(|| panic!("{class}.7.{detail}"));
            let text: Vec<&str> = [advice.summary()]
                .into_iter()
                .chain(advice.causes())
                .chain(advice.fixes())
                .collect();
            let text = text.join(" ");
            assert!(
                text.contains(word),
                "{class}.7.{detail} does not mention {word}"
            );
        }
    }
    let unknown = EnhancedStatus::new(5, 1, 1).unwrap().advice().unwrap();
    assert_eq!(unknown, Reason::UserUnknown.advice());
    let mailbox_full = EnhancedStatus::new(4, 2, 2).unwrap().advice().unwrap();
    assert_eq!(mailbox_full, Reason::MailboxFull.advice());
}

#[test]
fn every_enhanced_code_has_advice_and_says_whose() {
    let rows = reference("enhanced-status-codes.tsv");
    let mut scopes = HashSet::new();
    for row in rows.iter().filter(|r| r[1] == "enumerated") {
        let mut parts = row[0].split('.').skip(1).map(|p| p.parse::<u16>().unwrap());
        let (s, d) = (parts.next().unwrap(), parts.next().unwrap());
        for class in [2, 4, 5] {
            let e = EnhancedStatus::new(class, s, d).unwrap();
            let (advice, scope) = e.advice_or_fallback();
            let id = format!("{class}.{s}.{d}");
            assert!(
                !advice.summary().is_empty() && !advice.causes().is_empty(),
                "{id}"
            );
            scopes.insert(scope);
            // A success gets the advice of any success, never a failure's.
            if class == 2 {
                assert_eq!(scope, AdviceScope::Class, "{id}");
                assert!(advice.summary().starts_with("Success"), "{id}");
                continue;
            }
            match scope {
                AdviceScope::Code => assert_eq!(Some(advice), e.advice(), "{id}"),
                AdviceScope::Reason => {
                    assert_eq!(e.advice(), None, "{id}");
                    assert_eq!(Some(advice), e.typical_reason().map(Reason::advice), "{id}");
                }
                AdviceScope::Class => {
                    assert_eq!((e.advice(), e.typical_reason()), (None, None), "{id}");
                    let transient = ["temporary", "may succeed later"];
                    let temporary = transient.iter().any(|w| advice.summary().contains(w));
                    assert_eq!(temporary, class == 4, "{id}: {}", advice.summary());
                }
            }
        }
    }
    assert_eq!(scopes.len(), 3, "each scope occurs: {scopes:?}");
}

/// Microsoft 365's own enhanced codes (Exchange Online's NDR list in `vendor-replies.md`; none
/// is registered): each has advice, either a reason's or Microsoft's own.
#[test]
fn microsofts_own_codes_have_advice() {
    let shares = [
        ("5.7.504", Reason::Suspend),
        ("5.7.505", Reason::Suspend),
        ("5.7.506", Reason::Blocked),
        ("5.7.507", Reason::Blocked),
        ("5.7.513", Reason::Blocked),
        ("5.7.508", Reason::RateLimited),
        ("5.1.90", Reason::RateLimited),
        ("5.7.512", Reason::NotCompliantRfc),
        ("5.7.124", Reason::Rejected),
        ("5.7.133", Reason::Rejected),
        ("5.7.136", Reason::Rejected),
        ("4.7.321", Reason::FailedStartTls),
        ("5.7.325", Reason::FailedStartTls),
        ("4.4.316", Reason::NetworkError),
        ("5.4.316", Reason::NetworkError),
        ("5.4.300", Reason::Expired),
        ("4.4.318", Reason::NetworkError),
        ("5.4.312", Reason::NetworkError),
        ("5.4.310", Reason::HostUnknown),
        ("4.4.8", Reason::FailedStartTls),
        ("5.4.8", Reason::FailedStartTls),
        ("5.6.11", Reason::ContentError),
    ];
    let parse = |c: &str| EnhancedStatus::parse(c.as_bytes()).unwrap().0;
    for (c, reason) in shares {
        assert_eq!(parse(c).advice(), Some(reason.advice()), "{c}");
    }
    let own = [
        ("5.7.501", "banned"),
        ("5.7.511", "banned"),
        ("5.7.800", "banned"),
        ("5.7.703", "Microsoft 365"),
        ("5.7.708", "Microsoft 365"),
        ("5.7.750", "Microsoft 365"),
    ];
    for (c, word) in own {
        let advice = parse(c).advice().unwrap_or_else(|| panic!("{c}"));
        assert!(advice.summary().contains(word), "{c}: {}", advice.summary());
        let scope = parse(c).advice_or_fallback().1;
        assert_eq!(scope, AdviceScope::Code, "{c}");
    }
    // Exchange's "routing loop detected" as 5.4.14 is the registry's X.4.6.
    assert_eq!(parse("5.4.14").advice(), parse("5.4.6").advice());
    // 5.7.510 (a domain that takes no mail over IPv6) has no advice of its own: the class's.
    assert_eq!(parse("5.7.510").advice_or_fallback().1, AdviceScope::Class);
}

#[test]
fn digit_meanings_exist_for_all_900_codes() {
    for n in 100..=999u16 {
        let c = code(n);
        let meanings = c.digit_meanings();
        for (i, m) in meanings.iter().enumerate() {
            assert_eq!(m.digit, c.digits()[i], "{n}");
            assert!(!m.name.is_empty() && !m.meaning.is_empty(), "{n} digit {i}");
        }
        assert_eq!(
            meanings[2].name == "Specific condition",
            c.title().is_some(),
            "{n}"
        );
    }
}

#[test]
fn examples_are_real_replies_with_their_codes() {
    let replies: Vec<&str> = example_replies().collect();
    for text in &replies {
        assert!(
            ReplyCode::from_bytes(&text.as_bytes()[..3]).is_some(),
            "{text}"
        );
    }
    let mut by_code = 0;
    for n in 100..=999u16 {
        let examples = code(n).examples();
        assert!(examples.len() <= 2);
        by_code += examples.len();
        for e in examples {
            assert!(e.starts_with(&n.to_string()), "{n}: {e}");
            assert!(replies.contains(&e));
        }
    }
    assert!(by_code >= 25, "only {by_code} examples by code");
    let gmail_user_unknown = EnhancedStatus::new(5, 1, 1).unwrap().examples();
    assert!(gmail_user_unknown
        .iter()
        .any(|e| e.contains("does not exist")));
    for class in [4, 5] {
        for s in 0..8 {
            for d in 0..1000 {
                let status = EnhancedStatus::new(class, s, d).unwrap();
                for e in status.examples() {
                    let needle = status.to_string();
                    assert!(
                        e.get(4..).is_some_and(|t| t.starts_with(&needle)),
                        "{needle}: {e}"
                    );
                }
            }
        }
    }
}
