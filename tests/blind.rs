//! The blind sets of `tests/blind/` (see its README): labelled texts written by helpers who
//! never saw the classifier. Each set must agree with its labels at least as often as when
//! it was added; the figures below are raised as the classifier learns.

use serde_json::Value;
use smtp_reply::{classify_text_with, Action, Command};

/// Per set: its file, and the least agreement on reasons, retry verdicts and providers
/// (of the texts whose label names one).
const FLOORS: &[(&str, usize, usize, usize)] = &[
    ("bounce-messages", 57, 57, 52),
    ("postfix-logs", 58, 59, 56),
    ("mta-logs", 53, 60, 50),
    ("sending-services", 56, 59, 38),
    ("regional-providers", 57, 58, 30),
    ("smtp-conversation", 55, 59, 45),
    ("deferrals", 57, 59, 47),
    ("helpdesk-tickets", 53, 60, 49),
    ("microsoft-google-admins", 55, 57, 55),
    ("security-gateways", 58, 60, 50),
    ("non-english", 59, 60, 32),
    ("web-hosting", 55, 58, 49),
    ("receiving-side", 54, 60, 47),
    ("library-errors", 53, 58, 40),
    ("authentication", 57, 60, 44),
    ("submission", 53, 54, 37),
    ("transport", 55, 54, 48),
    ("content", 56, 57, 38),
    ("consumer", 54, 59, 37),
    ("legacy-mtas", 56, 56, 30),
    ("esp-events", 56, 59, 42),
    ("asia-pacific", 57, 58, 36),
    ("forum-questions", 57, 58, 52),
    ("cloud-platforms", 53, 59, 36),
    ("mail-clients", 56, 59, 48),
    ("european-isps", 59, 59, 26),
    ("north-american-isps", 58, 60, 47),
    ("lists-and-forwarding", 51, 60, 41),
    ("deliverability-ops", 54, 59, 48),
    ("self-hosted", 59, 59, 42),
    ("saas-notifications", 57, 59, 47),
    ("dsn-reports", 57, 58, 39),
    ("education-government", 55, 60, 52),
    ("regulated-industries", 48, 57, 44),
    ("devices-and-alerts", 53, 59, 35),
    ("migration-and-hybrid", 53, 59, 53),
    ("blocklists", 57, 60, 49),
    ("testing-tools", 58, 58, 45),
    ("latam-africa-mideast", 57, 59, 44),
    ("outbound-limits", 46, 48, 40),
    ("feedback-and-autoreplies", 48, 60, 28),
    ("queue-listings", 54, 56, 51),
    ("multiline-replies", 59, 60, 44),
    ("local-delivery", 44, 53, 35),
    ("protocol-extensions", 53, 58, 26),
    ("mangled-pastes", 56, 59, 45),
    ("china-providers", 55, 58, 40),
    ("russia-cis", 56, 60, 45),
    ("india-southeast-asia", 56, 57, 44),
    ("privacy-providers", 56, 58, 38),
    ("sales-outreach", 51, 57, 45),
    ("japan-korea", 54, 56, 29),
    ("validation-tools", 51, 55, 38),
    ("send-apis", 38, 50, 21),
    ("nordic-benelux", 55, 60, 41),
];

/// How one set agrees: reasons, retry verdicts, providers, texts naming a provider, and
/// what disagreed.
struct Score {
    reasons: usize,
    retry: usize,
    providers: usize,
    named: usize,
    misses: Vec<String>,
}

/// The records of one set, a JSON object a line.
fn records(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/blind/{name}.jsonl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON object a line"))
        .collect()
}

fn score(name: &str) -> Score {
    let mut s = Score {
        reasons: 0,
        retry: 0,
        providers: 0,
        named: 0,
        misses: Vec::new(),
    };
    let mut count = 0;
    for record in records(name) {
        let field = |k: &str| record[k].as_str();
        let input = field("text").expect("a text");
        let command = field("command").map(|c| {
            Command::from_name(c.as_bytes()).unwrap_or_else(|| panic!("{name}: command {c}"))
        });
        let c = classify_text_with(input.as_bytes(), command);
        let reason = c.as_ref().map(|c| c.reason().as_str());
        let retry = c.as_ref().is_some_and(|c| c.action() == Action::RetryLater);
        let provider = c.as_ref().and_then(|c| c.provider()).map(|p| p.as_str());
        let want_retry = record["retry"].as_bool().expect("a retry verdict");
        let agree = (reason == field("reason"), retry == want_retry);
        s.reasons += agree.0 as usize;
        s.retry += agree.1 as usize;
        let mut agreed = agree.0 && agree.1;
        if let Some(want) = field("provider") {
            s.named += 1;
            s.providers += (provider == Some(want)) as usize;
            agreed &= provider == Some(want);
        }
        if !agreed {
            s.misses.push(format!(
                "want {:?}/{want_retry}/{:?}, got {reason:?}/{retry}/{provider:?}: {input:.160}",
                field("reason"),
                field("provider")
            ));
        }
        count += 1;
    }
    assert_eq!(count, 60, "{name}: a set holds 60 texts");
    s
}

#[test]
fn each_blind_set_agrees_at_least_as_before() {
    let mut failed = Vec::new();
    for &(name, reasons, retry, providers) in FLOORS {
        let s = score(name);
        println!(
            "{name}: reasons {}/60, retry {}/60, providers {}/{}",
            s.reasons, s.retry, s.providers, s.named
        );
        if s.reasons < reasons || s.retry < retry || s.providers < providers {
            failed.push(format!(
                "{name}: reasons {} (at least {reasons}), retry {} (at least {retry}), \
                 providers {} (at least {providers}); disagreements:\n  {}",
                s.reasons,
                s.retry,
                s.providers,
                s.misses.join("\n  ")
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Every label is a name the library knows, so that a disagreement is never a typo.
#[test]
fn the_labels_are_the_library_s_names() {
    use smtp_reply::{Provider, Reason};
    for &(name, ..) in FLOORS {
        for record in records(name) {
            let reason = record["reason"].as_str().unwrap();
            assert!(reason.parse::<Reason>().is_ok(), "{name}: reason {reason}");
            if let Some(p) = record["provider"].as_str() {
                assert!(
                    Provider::ALL.iter().any(|q| q.as_str() == p),
                    "{name}: provider {p}"
                );
            }
        }
    }
}
