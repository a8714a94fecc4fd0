//! What a button does, carried whole in its custom_id (at most 100 characters) so that buttons
//! keep working after the bot restarts: no button needs anything kept in memory.
//!
//! `a|n|1|k3f9a2.7,k3f9a2.9|人工智能 合作` — the results of a question: action (`n`ext,
//! `p`revious, `m`ore context, `q`uestion), the result it applies to, the passages by key, and
//! the words to highlight. `t|k3f9a2#4|1` — page 1 of an exchange shown by /topic.

/// Discord's limit on a custom_id, in characters.
pub const MAX_CUSTOM_ID: usize = 100;

/// What pressing a button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Press {
    /// Something about one of a question's results.
    Results {
        /// What to do.
        act: ResultAct,
        /// The result it applies to (index into `passages`).
        focus: usize,
        /// The results, as [`crate::Engine::passage_key`]s, in rank order.
        passages: Vec<String>,
        /// Words to highlight.
        terms: Vec<String>,
    },
    /// A page of an exchange (its [`crate::Engine::exchange_key`]).
    TopicPage {
        /// The exchange.
        exchange: String,
        /// The page, from 0.
        page: usize,
    },
}

/// The buttons under an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultAct {
    /// Show the next result (the message is updated in place).
    Next,
    /// Show the previous result.
    Previous,
    /// The paragraphs around the passage, or the whole answer.
    More,
    /// The reporter's question the passage answers.
    Question,
}

impl ResultAct {
    fn code(self) -> char {
        match self {
            ResultAct::Next => 'n',
            ResultAct::Previous => 'p',
            ResultAct::More => 'm',
            ResultAct::Question => 'q',
        }
    }

    fn from_code(c: &str) -> Option<ResultAct> {
        Some(match c {
            "n" => ResultAct::Next,
            "p" => ResultAct::Previous,
            "m" => ResultAct::More,
            "q" => ResultAct::Question,
            _ => return None,
        })
    }
}

impl Press {
    /// The custom_id for this press, within [`MAX_CUSTOM_ID`] characters: highlight words are
    /// dropped from the end until it fits (they only decorate), and trailing results after
    /// that (only with absurdly long keys).
    pub fn custom_id(&self) -> String {
        match self {
            Press::Results {
                act,
                focus,
                passages,
                terms,
            } => {
                let usable = |t: &&String| !t.is_empty() && !t.contains(['|', ' ', ',']);
                let mut terms: Vec<&String> = terms.iter().filter(usable).collect();
                let mut passages: Vec<&String> = passages.iter().collect();
                loop {
                    let id = format!(
                        "a|{}|{focus}|{}|{}",
                        act.code(),
                        join(&passages, ","),
                        join(&terms, " ")
                    );
                    if id.chars().count() <= MAX_CUSTOM_ID {
                        return id;
                    }
                    if terms.pop().is_some() {
                        continue;
                    }
                    if passages.len() > focus + 1 {
                        passages.pop();
                        continue;
                    }
                    // Cannot shrink further; keep the result it acts on, cut the id.
                    return id.chars().take(MAX_CUSTOM_ID).collect();
                }
            }
            Press::TopicPage { exchange, page } => format!("t|{exchange}|{page}"),
        }
    }

    /// Reads a custom_id back; `None` for ids that are not ours or are malformed.
    pub fn parse(custom_id: &str) -> Option<Press> {
        let mut parts = custom_id.splitn(5, '|');
        match parts.next()? {
            "a" => {
                let act = ResultAct::from_code(parts.next()?)?;
                let focus = parts.next()?.parse().ok()?;
                let passages: Vec<String> = split(parts.next()?, ',');
                let terms = split(parts.next().unwrap_or_default(), ' ');
                (focus < passages.len()).then_some(Press::Results {
                    act,
                    focus,
                    passages,
                    terms,
                })
            }
            "t" => {
                let exchange = parts.next()?.to_string();
                let page = parts.next()?.parse().ok()?;
                Some(Press::TopicPage { exchange, page })
            }
            _ => None,
        }
    }
}

fn join(items: &[&String], sep: &str) -> String {
    items
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

fn split(s: &str, sep: char) -> Vec<String> {
    s.split(sep)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(act: ResultAct, focus: usize, n: usize, terms: &[&str]) -> Press {
        Press::Results {
            act,
            focus,
            passages: (0..n).map(|i| format!("k3f9a2.{}", 100 + i)).collect(),
            terms: terms.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn round_trips() {
        for act in [
            ResultAct::Next,
            ResultAct::Previous,
            ResultAct::More,
            ResultAct::Question,
        ] {
            let p = results(act, 2, 5, &["人工智能", "合作"]);
            let id = p.custom_id();
            assert!(id.chars().count() <= MAX_CUSTOM_ID);
            assert_eq!(Press::parse(&id), Some(p));
        }
        let t = Press::TopicPage {
            exchange: "k3f9a2#4".into(),
            page: 1,
        };
        assert_eq!(Press::parse(&t.custom_id()), Some(t));
    }

    #[test]
    fn long_term_lists_are_cut_to_fit_and_keep_every_result() {
        let many: Vec<String> = (0..60).map(|i| format!("词语{i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let id = results(ResultAct::Next, 4, 5, &refs).custom_id();
        assert!(id.chars().count() <= MAX_CUSTOM_ID, "{id}");
        let Some(Press::Results {
            passages, terms, ..
        }) = Press::parse(&id)
        else {
            panic!("{id}")
        };
        assert_eq!(passages.len(), 5);
        assert!(!terms.is_empty() && terms.len() < 60);
    }

    #[test]
    fn separators_in_terms_cannot_break_the_id() {
        let id = results(ResultAct::More, 0, 1, &["a|b", "c d", "e,f", "ok"]).custom_id();
        assert!(id.ends_with("|ok"), "{id}");
    }

    #[test]
    fn foreign_and_malformed_ids_are_ignored() {
        for id in [
            "",
            "x|y",
            "a|z|0|k.1|",
            "a|n|9|k.1|",
            "a|n|-1|k.1|",
            "t|k#1",
            "st:1:next",
        ] {
            assert_eq!(Press::parse(id), None, "{id}");
        }
    }
}
