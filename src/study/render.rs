//! Study posts as console text (the Discord rendering is in `discord::render::study`). Pure.

use super::{ItemKind, Post, Summary};

/// Said when an unfinished session is picked up again.
pub fn resumed() -> String {
    "(resuming your unfinished session)".to_string()
}

/// Letters for choices.
pub const LETTERS: [&str; 6] = ["A", "B", "C", "D", "E", "F"];

/// The console text of a post.
pub fn console(post: &Post) -> String {
    match post {
        Post::Item {
            at,
            total,
            item,
            topic,
            ..
        } => {
            // A quiz question's heading never names its topic (often its answer).
            let heading = if item.kind == ItemKind::Exchange {
                topic.as_str()
            } else {
                "quiz"
            };
            let mut out = format!("\n[{}/{}] {heading}\n", at + 1, total);
            match item.kind {
                ItemKind::Exchange => {
                    if item.prompt.is_empty() {
                        out.push_str("(the question is not in the transcript)\n");
                    } else {
                        out.push_str(&format!("{}\n", item.prompt));
                    }
                    out.push_str("Discuss: what will the answer stress? (r: reveal, n: next, s: skip, e: end)\n");
                }
                _ => {
                    out.push_str(&format!("{}\n", item.prompt));
                    for (i, c) in item.choices.iter().enumerate() {
                        out.push_str(&format!("  {}. {c}\n", i + 1));
                    }
                    out.push_str("Type your answer or its number (n: next, e: end)\n");
                }
            }
            out
        }
        Post::Answer {
            page,
            pages,
            paragraphs,
            ..
        } => {
            let mut out = String::new();
            for (speaker, text, citation) in paragraphs {
                out.push_str(&format!("{speaker}：{text}  [{citation}]\n"));
            }
            if page + 1 < *pages {
                out.push_str(&format!("(page {}/{}; r: more)\n", page + 1, pages));
            }
            out
        }
        Post::Solution { item, right } => {
            let mut out = format!(
                "Answer: {}\n  「{}」 — {}\n",
                item.answer, item.quote, item.citation
            );
            if !right.is_empty() {
                out.push_str(&format!("  right: {}\n", right.join(", ")));
            }
            out
        }
        Post::Judged {
            correct, counted, ..
        } => match (counted, correct) {
            (false, _) => "You have answered this one already; the first answer counts.\n".into(),
            (true, true) => "✔ Right.\n".into(),
            (true, false) => "✘ Not quite.\n".into(),
        },
        Post::Many(posts) => posts.iter().map(console).collect(),
        Post::Board(scores) => {
            let mut out = String::from("Scores:\n");
            for s in scores {
                out.push_str(&format!("  {}: {}/{}\n", s.name, s.right, s.answered));
            }
            out
        }
        Post::Summary(s) => summary(s),
        Post::Stale => "(that step is already over)\n".into(),
    }
}

fn summary(s: &Summary) -> String {
    let mut out = format!(
        "\nSession over: {} — {}/{} done, {} exchange(s) covered.\n",
        s.title,
        s.done,
        s.total,
        s.covered.len()
    );
    for sc in &s.scores {
        out.push_str(&format!("  {}: {}/{}\n", sc.name, sc.right, sc.answered));
    }
    if !s.missed.is_empty() {
        out.push_str("To review:\n");
        for (item, wrong) in &s.missed {
            out.push_str(&format!(
                "  ({wrong}× missed) {} → {}\n    「{}」 — {}\n",
                item.prompt, item.answer, item.quote, item.citation
            ));
        }
    }
    out
}
