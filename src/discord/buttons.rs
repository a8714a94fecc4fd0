//! Every button the bot draws, carried whole in its custom_id (at most 100 characters) so that
//! buttons keep working after the bot restarts: no button needs anything kept in memory.
//! [`ButtonId`] is the one codec; an id it cannot read (another bot's, an old format, a cut
//! one) decodes to [`ButtonId::Expired`].
//!
//! The wire formats, unchanged since the buttons were first drawn so old messages keep working:
//! `a|n|1|k3f9a2.7,k3f9a2.9|人工智能 合作` — the results of a question: action (`n`ext,
//! `p`revious, `m`ore context, `q`uestion), the result it applies to, the passages by key, and
//! the words to highlight. `t|k3f9a2#4|1` — page 1 of an exchange shown by /topic.
//! `st|12|c|3|1` — in study session 12, choice 1 on item 3 (`r`eveal page, `n`ext, `s`kip,
//! `c`hoose, `e`nd).

use crate::study::Action;

/// Discord's limit on a custom_id, in characters.
pub const MAX_CUSTOM_ID: usize = 100;

/// What pressing a button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ButtonId {
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
    /// A step of a study session: any [`Action`] but a typed answer, which is no button.
    Study {
        /// The session.
        session: i64,
        /// What the member does.
        action: Action,
    },
    /// The quiz's "Type answer" button, and the form it opens: a typed answer to item `at`
    /// without the Message Content intent.
    AnswerForm {
        /// The session.
        session: i64,
        /// The item.
        at: usize,
    },
    /// Not a button of ours, or one whose format is no longer understood: the presser is told
    /// it has expired.
    Expired,
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

/// A study action as `(code, item, extra)` on the wire; `None` for a typed answer.
fn study_parts(action: &Action) -> Option<(char, usize, usize)> {
    Some(match *action {
        Action::Reveal { at, page } => ('r', at, page),
        Action::Next { at } => ('n', at, 0),
        Action::Skip { at } => ('s', at, 0),
        Action::Choose { at, choice } => ('c', at, choice),
        Action::End => ('e', 0, 0),
        Action::Typed(_) => return None,
    })
}

fn study_action(code: &str, at: usize, extra: usize) -> Option<Action> {
    Some(match code {
        "r" => Action::Reveal { at, page: extra },
        "n" => Action::Next { at },
        "s" => Action::Skip { at },
        "c" => Action::Choose { at, choice: extra },
        "e" => Action::End,
        _ => return None,
    })
}

impl ButtonId {
    /// The custom_id, within [`MAX_CUSTOM_ID`] characters. For results, highlight words are
    /// dropped from the end until it fits (they only decorate), and trailing results after
    /// that (only with absurdly long keys). An id that still does not fit is drawn as
    /// [`ButtonId::Expired`]: a button that says so when pressed beats a message Discord
    /// refuses.
    pub fn encode(&self) -> String {
        let id = match self {
            ButtonId::Results {
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
                        break id;
                    }
                    if terms.pop().is_some() {
                        continue;
                    }
                    if passages.len() > focus + 1 {
                        passages.pop();
                        continue;
                    }
                    break String::new();
                }
            }
            ButtonId::TopicPage { exchange, page } => format!("t|{exchange}|{page}"),
            ButtonId::Study { session, action } => match study_parts(action) {
                Some((code, at, extra)) => format!("st|{session}|{code}|{at}|{extra}"),
                None => String::new(),
            },
            ButtonId::AnswerForm { session, at } => format!("sf|{session}|{at}"),
            ButtonId::Expired => String::new(),
        };
        if id.is_empty() || id.chars().count() > MAX_CUSTOM_ID {
            return "expired".to_string();
        }
        id
    }

    /// Reads a custom_id back; anything that is not a well-formed id of ours is
    /// [`ButtonId::Expired`].
    pub fn decode(custom_id: &str) -> ButtonId {
        ButtonId::parse(custom_id).unwrap_or(ButtonId::Expired)
    }

    fn parse(custom_id: &str) -> Option<ButtonId> {
        let mut parts = custom_id.splitn(5, '|');
        match parts.next()? {
            "a" => {
                let act = ResultAct::from_code(parts.next()?)?;
                let focus = parts.next()?.parse().ok()?;
                let passages: Vec<String> = split(parts.next()?, ',');
                let terms = split(parts.next().unwrap_or_default(), ' ');
                (focus < passages.len()).then_some(ButtonId::Results {
                    act,
                    focus,
                    passages,
                    terms,
                })
            }
            "t" => {
                let exchange = parts.next()?.to_string();
                let page = parts.next()?.parse().ok()?;
                Some(ButtonId::TopicPage { exchange, page })
            }
            "st" => {
                let session = parts.next()?.parse().ok()?;
                let code = parts.next()?;
                let at = parts.next()?.parse().ok()?;
                let extra = parts.next()?.parse().ok()?;
                let action = study_action(code, at, extra)?;
                Some(ButtonId::Study { session, action })
            }
            "sf" => {
                let session = parts.next()?.parse().ok()?;
                let at = parts.next()?.parse().ok()?;
                Some(ButtonId::AnswerForm { session, at })
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
    use proptest::prelude::*;

    use super::*;

    fn results(act: ResultAct, focus: usize, n: usize, terms: &[&str]) -> ButtonId {
        ButtonId::Results {
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
            let id = p.encode();
            assert!(id.chars().count() <= MAX_CUSTOM_ID);
            assert_eq!(ButtonId::decode(&id), p);
        }
        let t = ButtonId::TopicPage {
            exchange: "k3f9a2#4".into(),
            page: 1,
        };
        assert_eq!(ButtonId::decode(&t.encode()), t);
    }

    #[test]
    fn study_buttons_round_trip_and_fit() {
        for action in [
            Action::Reveal { at: 3, page: 1 },
            Action::Next { at: 3 },
            Action::Skip { at: 3 },
            Action::Choose { at: 3, choice: 1 },
            Action::End,
        ] {
            let b = ButtonId::Study {
                session: i64::MAX,
                action,
            };
            let id = b.encode();
            assert!(id.len() <= MAX_CUSTOM_ID);
            assert_eq!(ButtonId::decode(&id), b);
        }
        // Ids drawn before this codec (an End button carried its item) still work.
        assert_eq!(
            ButtonId::decode("st|1|e|4|0"),
            ButtonId::Study {
                session: 1,
                action: Action::End
            }
        );
        // A typed answer is no button.
        let typed = ButtonId::Study {
            session: 1,
            action: Action::Typed("A".into()),
        };
        assert_eq!(ButtonId::decode(&typed.encode()), ButtonId::Expired);
    }

    #[test]
    fn long_term_lists_are_cut_to_fit_and_keep_every_result() {
        let many: Vec<String> = (0..60).map(|i| format!("词语{i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let id = results(ResultAct::Next, 4, 5, &refs).encode();
        assert!(id.chars().count() <= MAX_CUSTOM_ID, "{id}");
        let ButtonId::Results {
            passages, terms, ..
        } = ButtonId::decode(&id)
        else {
            panic!("{id}")
        };
        assert_eq!(passages.len(), 5);
        assert!(!terms.is_empty() && terms.len() < 60);
    }

    #[test]
    fn separators_in_terms_cannot_break_the_id() {
        let id = results(ResultAct::More, 0, 1, &["a|b", "c d", "e,f", "ok"]).encode();
        assert!(id.ends_with("|ok"), "{id}");
    }

    #[test]
    fn foreign_and_malformed_ids_are_expired() {
        for id in [
            "",
            "x|y",
            "a|z|0|k.1|",
            "a|n|9|k.1|",
            "a|n|-1|k.1|",
            "t|k#1",
            "st:1:next",
            "st|x|n|0|0",
            "st|1|z|0|0",
            "st|1|n|0",
            "expired",
        ] {
            assert_eq!(ButtonId::decode(id), ButtonId::Expired, "{id}");
        }
        assert_eq!(
            ButtonId::decode(&ButtonId::Expired.encode()),
            ButtonId::Expired
        );
    }

    fn result_act() -> impl Strategy<Value = ResultAct> {
        prop_oneof![
            Just(ResultAct::Next),
            Just(ResultAct::Previous),
            Just(ResultAct::More),
            Just(ResultAct::Question),
        ]
    }

    fn study_action() -> impl Strategy<Value = Action> {
        let n = 0..10_000usize;
        prop_oneof![
            (n.clone(), 0..50usize).prop_map(|(at, page)| Action::Reveal { at, page }),
            n.clone().prop_map(|at| Action::Next { at }),
            n.clone().prop_map(|at| Action::Skip { at }),
            (n, 0..6usize).prop_map(|(at, choice)| Action::Choose { at, choice }),
            Just(Action::End),
        ]
    }

    /// Ids of the sizes the bot draws: up to five passage keys and three highlight words.
    fn drawn_button() -> impl Strategy<Value = ButtonId> {
        let results = (
            result_act(),
            proptest::collection::vec("[0-9a-z]{6}\\.[0-9]{1,3}", 1..=5),
            proptest::collection::vec("[人工智能合作联合国a-zA-Z0-9]{1,6}", 0..=3),
            any::<usize>(),
        )
            .prop_map(|(act, passages, terms, focus)| ButtonId::Results {
                act,
                focus: focus % passages.len(),
                passages,
                terms,
            });
        let page = ("[0-9a-z]{6}#[0-9]{1,3}", 0..100usize)
            .prop_map(|(exchange, page)| ButtonId::TopicPage { exchange, page });
        let study = (any::<i64>(), study_action())
            .prop_map(|(session, action)| ButtonId::Study { session, action });
        prop_oneof![results, page, study]
    }

    proptest! {
        #[test]
        fn every_drawn_button_round_trips_within_the_limit(b in drawn_button()) {
            let id = b.encode();
            prop_assert!(id.chars().count() <= MAX_CUSTOM_ID, "{}", id);
            prop_assert_eq!(ButtonId::decode(&id), b);
        }

        #[test]
        fn any_result_press_fits_and_keeps_the_result_it_acts_on(
            act in result_act(),
            passages in proptest::collection::vec("[^|,]{1,40}", 1..12),
            terms in proptest::collection::vec("\\PC{0,30}", 0..20),
            focus in any::<usize>(),
        ) {
            let focus = focus % passages.len();
            let id = ButtonId::Results { act, focus, passages: passages.clone(), terms }.encode();
            prop_assert!(id.chars().count() <= MAX_CUSTOM_ID, "{}", id);
            match ButtonId::decode(&id) {
                ButtonId::Results { passages: got, focus: f, .. } => {
                    prop_assert_eq!(f, focus);
                    prop_assert_eq!(&got[..=focus], &passages[..=focus]);
                }
                // Keys too long to fit even alone: the button says it has expired, never
                // acts on another result.
                ButtonId::Expired => {}
                other => prop_assert!(false, "{:?}", other),
            }
        }

        #[test]
        fn any_text_decodes_without_panicking(id in "\\PC{0,120}") {
            let _ = ButtonId::decode(&id);
        }
    }
}
