//! The phrase matcher builds its index on first use. Threads that classify at once in a fresh
//! process (this test binary holds no other test) race to build it, and must all see the
//! same, complete index: every thread's results equal those of a later, settled run.

use std::sync::{Arc, Barrier};

use smtp_reply::classify_text;

const REPLIES: &[&str] = &[
    "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table",
    "452 4.2.2 The email account that you tried to reach is over quota. - gsmtp",
    "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints",
    "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
    "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy",
    "421 HL:ICC 163 mx14,QM_xxx, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1",
];

fn verdicts() -> Vec<(String, Option<String>)> {
    REPLIES
        .iter()
        .map(|r| {
            let c = classify_text(r.as_bytes()).unwrap();
            (c.reason().to_string(), c.provider().map(|p| p.to_string()))
        })
        .collect()
}

#[test]
fn threads_racing_to_build_the_index_all_read_it_whole() {
    let threads = 8;
    let start = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                start.wait();
                verdicts()
            })
        })
        .collect();
    let raced: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let settled = verdicts();
    assert_eq!(settled[0].0, "userunknown");
    assert_eq!(settled[5].0, "ratelimited");
    for r in raced {
        assert_eq!(r, settled);
    }
}
