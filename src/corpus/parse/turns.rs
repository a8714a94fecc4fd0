//! Building turns and exchanges from classified lines.
//!
//! One pass over the body paragraphs keeps the state of the conversation (a question is open, an
//! answer is open, a reporter's aside was just made, an after-meeting block waits for its
//! question…) and decides for each paragraph its role, its speaker and its exchange.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::labels::{self, LabelKind};
use crate::corpus::model::{Exchange, Paragraph, Role, Turn, Warning};

static NARRATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[(（][^()（）]{1,30}[)）]$", // (完) (记者会结束)
        r"|^.{0,20}(记者会|发布会|吹风会|见面会).{0,6}(历时|结束|到此)", // 记者会历时1小时30分钟。
        r"|^\d{4}年\d{1,2}月\d{1,2}日.{0,40}(主持|举行).{0,20}(记者会|发布会)",
        r"|发布(以下|如下)?消息[：:]$", // 秦刚首先发布消息：
    ))
    .unwrap()
});

/// What the rest of the document tells the turn builder.
#[derive(Debug, Default)]
pub(crate) struct Context {
    /// Who speaks `答：` turns and unlabelled answers when nothing nearer says.
    pub answerer: Option<String>,
    /// Names the text shows as speakers (the title's, recurring labels, `司长陆慷介绍`).
    pub known: HashSet<String>,
    /// The document has no question labels at all (numbered questions may be unlabelled).
    pub no_question_labels: bool,
}

/// The result: paragraphs with roles and speakers, exchanges, warnings.
#[derive(Debug, Default)]
pub(crate) struct Built {
    pub paragraphs: Vec<Paragraph>,
    pub exchanges: Vec<Exchange>,
    pub warnings: Vec<Warning>,
}

/// Why an exchange has no question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    /// Before the first question: an opening statement, or a statement document.
    Opening,
    /// After a `******` rule, a notice, or a lead-in (`外交部发言人华春莹宣布：`).
    Announced,
    /// None of these: doubtful.
    Stray,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cur {
    /// Nothing open (start, after narration, a rule or a lead-in).
    None,
    /// `会后有记者问及：` alone on its line: the next paragraph is the question.
    AwaitQuestion,
    Question {
        /// No label: the question ends where a paragraph asks (the answer's label may be dropped).
        unlabelled: bool,
        /// The label was just `记者`.
        bare: bool,
    },
    Answer,
    Remark,
}

struct Draft {
    exchange: Exchange,
    why: Why,
    line: usize,
}

struct Builder<'a> {
    ctx: &'a Context,
    out: Built,
    drafts: Vec<Draft>,
    cur: Cur,
    /// In an after-meeting block: its asker.
    after_meeting: Option<String>,
    /// The next question-less exchange is announced (rule, notice, lead-in).
    announced: bool,
    /// A lead-in named who speaks next.
    lead_speaker: Option<String>,
}

/// Builds the turns of `lines` (1-based line number, text), title and front matter removed.
pub(crate) fn build(lines: Vec<(usize, String)>, ctx: &Context) -> Built {
    let mut b = Builder {
        ctx,
        out: Built::default(),
        drafts: Vec::new(),
        cur: Cur::None,
        after_meeting: None,
        announced: false,
        lead_speaker: None,
    };
    for (line, text) in lines {
        b.line(line, text);
    }
    b.finish()
}

impl Builder<'_> {
    fn line(&mut self, line: usize, text: String) {
        if labels::is_rule(&text) {
            self.close();
            self.after_meeting = None;
            self.announced = true;
            return;
        }
        if let Some((asker, rest)) = labels::after_meeting(&text) {
            self.after_meeting = Some(asker.clone());
            if rest.is_empty() {
                self.push(line, text, Role::Narration, None);
                self.close();
                self.cur = Cur::AwaitQuestion;
            } else {
                self.open_question(line, rest, asker, true, false);
            }
            return;
        }
        if let Some(aside) = labels::aside(&text) {
            let aside = aside.to_string();
            self.remark_or_question(line, aside, "记者".into());
            return;
        }
        if let Some((label, rest)) = labels::split_label(&text) {
            let known = self.ctx.known.contains(labels::label_core(label))
                || matches!(self.cur, Cur::Question { .. });
            // `耿爽表示：…`: a known name and a speech verb.
            if let Some(name) = labels::speech_label(label).filter(|n| self.ctx.known.contains(*n))
            {
                let (name, rest) = (name.to_string(), rest.to_string());
                self.answer(line, rest, Some(name));
                return;
            }
            match labels::classify_label(label, known) {
                Some(kind) => {
                    let (label, rest) = (label.to_string(), rest.to_string());
                    self.labelled(line, kind, label, rest);
                    return;
                }
                None if labels::suspicious_label(label) => {
                    self.warn(
                        line,
                        format!(
                            "`{label}：` looks like a speaker label but is read as text (not a known speaker here)"
                        ),
                    );
                }
                None => {}
            }
        }
        // A paragraph the page layout cut mid-sentence goes on in this one.
        if let Some(last) = self.out.paragraphs.last_mut()
            && last.role != Role::Narration
            && !labels::ends_sentence(&last.text)
            && fits(&last.text, &text)
        {
            last.text.push_str(&text);
            return;
        }
        if NARRATION.is_match(&text) && !text.contains(['我', '你']) {
            // A stage note (`（记者点头）`) leaves the turn open; closing lines close it.
            let stage_note = text.starts_with(['(', '（']);
            self.push(line, text, Role::Narration, None);
            if self.cur == Cur::Answer && !stage_note {
                self.close();
            }
            return;
        }
        if let Some(name) = labels::lead_in(&text) {
            self.push(line, text, Role::Narration, None);
            self.close();
            self.lead_speaker = Some(name);
            self.announced = true;
            return;
        }
        if labels::is_notice(&text) {
            self.close();
            self.announced = true;
            self.answer(line, text, None);
            return;
        }
        let in_question = matches!(self.cur, Cur::Question { .. });
        if labels::numbered(&text)
            && labels::question_like(&text)
            && (self.after_meeting.is_some()
                || (self.ctx.no_question_labels && text.ends_with(['？', '?'])))
            && !in_question
        {
            let asker = self.after_meeting.clone().unwrap_or_else(|| "记者".into());
            self.open_question(line, text, asker, true, false);
            return;
        }
        self.unlabelled(line, text);
    }

    fn labelled(&mut self, line: usize, kind: LabelKind, label: String, rest: String) {
        match kind {
            LabelKind::Asks { bare, .. } => {
                let in_answer = matches!(self.cur, Cur::Answer | Cur::Remark);
                if bare && in_answer && self.has_question() && !labels::question_like(&rest) {
                    self.remark(line, rest, label);
                } else {
                    self.open_question(line, rest, label, false, bare);
                }
            }
            LabelKind::Remark => self.remark_or_question(line, rest, label),
            LabelKind::Answers { anonymous } => {
                let speaker = if anonymous {
                    self.ctx.answerer.clone().unwrap_or_else(|| "发言人".into())
                } else {
                    label
                };
                self.answer(line, rest, Some(speaker));
            }
            LabelKind::Chair => {
                self.push(line, rest, Role::Narration, None);
                self.close();
            }
        }
    }

    /// An unlabelled paragraph that is no narration, rule or block start.
    fn unlabelled(&mut self, line: usize, text: String) {
        match self.cur {
            Cur::AwaitQuestion => {
                let asker = self.after_meeting.clone().unwrap_or_else(|| "记者".into());
                self.open_question(line, text, asker, true, false);
            }
            Cur::Question { unlabelled, bare } => {
                let last_asks = self
                    .out
                    .paragraphs
                    .last()
                    .is_some_and(|p| labels::question_like(&p.text));
                let continues = if unlabelled {
                    !last_asks && self.reported(&text, true).is_none()
                } else {
                    // `问：据报道，……。` then `请问中方……？`: one question in two paragraphs.
                    !bare
                        && !last_asks
                        && labels::question_like(&text)
                        && self.current_turn().is_some_and(|t| t.paragraphs.len() == 1)
                };
                if continues {
                    self.continue_turn(line, text);
                } else {
                    self.answer(line, text, None);
                }
            }
            Cur::Remark | Cur::Answer | Cur::None => self.answer(line, text, None),
        }
    }

    fn has_question(&self) -> bool {
        self.drafts
            .last()
            .is_some_and(|d| d.exchange.question.is_some())
    }

    fn current_turn(&self) -> Option<&Turn> {
        let d = self.drafts.last()?;
        match self.cur {
            Cur::Question { .. } => d.exchange.question.as_ref(),
            Cur::Answer => d.exchange.answers.last(),
            Cur::Remark => d.exchange.remarks.last(),
            _ => None,
        }
    }

    /// The speaker reported speech names (`洪磊表示，…`); titled names only when a turn starts.
    fn reported(&self, text: &str, turn_start: bool) -> Option<String> {
        let name = labels::reported_speaker(text, |n| self.ctx.known.contains(n))?;
        (turn_start || self.ctx.known.contains(&name)).then_some(name)
    }

    fn push(&mut self, line: usize, text: String, role: Role, speaker: Option<String>) -> usize {
        let paragraphs = &mut self.out.paragraphs;
        // A paragraph split by the layout is rejoined by appending: its opening stays as read.
        let opens_part = crate::corpus::opens_answer_part(&text);
        paragraphs.push(Paragraph {
            number: paragraphs.len() + 1,
            line,
            text,
            role,
            speaker,
            exchange: None,
            opens_part,
        });
        paragraphs.len() - 1
    }

    fn close(&mut self) {
        self.cur = Cur::None;
    }

    fn open_question(
        &mut self,
        line: usize,
        text: String,
        asker: String,
        unlabelled: bool,
        bare: bool,
    ) {
        let idx = self.push(line, text, Role::Question, Some(asker.clone()));
        self.drafts.push(Draft {
            exchange: Exchange {
                number: 0,
                question: Some(Turn {
                    speaker: asker,
                    paragraphs: vec![idx],
                }),
                answers: Vec::new(),
                remarks: Vec::new(),
                answerer: String::new(),
                topic: String::new(),
            },
            why: Why::Opening,
            line,
        });
        self.cur = Cur::Question { unlabelled, bare };
        self.lead_speaker = None;
        self.announced = false;
    }

    /// A reporter's aside (`记者解释：`, `（记者：…）`) inside the open exchange; a question of its
    /// own when none is open.
    fn remark_or_question(&mut self, line: usize, text: String, speaker: String) {
        if self.has_question() && self.cur != Cur::None {
            self.remark(line, text, speaker);
        } else {
            self.open_question(line, text, speaker, false, true);
        }
    }

    fn remark(&mut self, line: usize, text: String, speaker: String) {
        let idx = self.push(line, text, Role::Question, Some(speaker.clone()));
        let d = self.drafts.last_mut().expect("a question is open");
        d.exchange.remarks.push(Turn {
            speaker,
            paragraphs: vec![idx],
        });
        self.cur = Cur::Remark;
    }

    fn continue_turn(&mut self, line: usize, text: String) {
        let (role, speaker) = match self.out.paragraphs.last() {
            Some(p) => (p.role, p.speaker.clone()),
            None => (Role::Answer, None),
        };
        let idx = self.push(line, text, role, speaker);
        let d = self.drafts.last_mut().expect("a turn is open");
        let turn = match self.cur {
            Cur::Question { .. } => d.exchange.question.as_mut(),
            Cur::Remark => d.exchange.remarks.last_mut(),
            _ => d.exchange.answers.last_mut(),
        };
        turn.expect("the open turn exists").paragraphs.push(idx);
    }

    /// An answer paragraph; `label` is the speaker its label names, if it has one.
    fn answer(&mut self, line: usize, text: String, label: Option<String>) {
        let open = self.cur != Cur::None && self.cur != Cur::AwaitQuestion;
        let turn_start = label.is_some() || self.cur != Cur::Answer;
        let reported = if label.is_none() {
            self.reported(&text, turn_start)
        } else {
            None
        };
        let current = if open {
            self.drafts
                .last()
                .and_then(|d| d.exchange.answers.last())
                .map(|t| t.speaker.clone())
        } else {
            None
        };
        let speaker = label
            .or(reported)
            .or_else(|| {
                if self.cur == Cur::Answer {
                    current.clone()
                } else {
                    None
                }
            })
            .or_else(|| {
                open.then(|| self.drafts.last().map(|d| d.exchange.answerer.clone()))
                    .flatten()
                    .filter(|a| !a.is_empty())
            })
            .or_else(|| self.lead_speaker.clone())
            .or_else(|| self.ctx.answerer.clone())
            .or_else(|| {
                // A dropped `答：` and nobody named: whoever answered last.
                self.drafts
                    .iter()
                    .rev()
                    .find_map(|d| d.exchange.answers.last())
                    .map(|t| t.speaker.clone())
                    .filter(|s| !s.is_empty())
            });
        let idx = self.push(line, text, Role::Answer, speaker.clone());
        let speaker = speaker.unwrap_or_default();
        if !open {
            let why = if !self.drafts.iter().any(|d| d.exchange.question.is_some()) {
                Why::Opening
            } else if self.announced {
                Why::Announced
            } else {
                Why::Stray
            };
            self.drafts.push(Draft {
                exchange: Exchange {
                    number: 0,
                    question: None,
                    answers: Vec::new(),
                    remarks: Vec::new(),
                    answerer: String::new(),
                    topic: String::new(),
                },
                why,
                line,
            });
        }
        let d = self.drafts.last_mut().expect("an exchange is open");
        if d.exchange.answerer.is_empty() {
            d.exchange.answerer = speaker.clone();
        }
        match d.exchange.answers.last_mut() {
            Some(t) if self.cur == Cur::Answer && t.speaker == speaker => t.paragraphs.push(idx),
            _ => d.exchange.answers.push(Turn {
                speaker,
                paragraphs: vec![idx],
            }),
        }
        self.cur = Cur::Answer;
    }

    fn warn(&mut self, line: usize, message: String) {
        self.out.warnings.push(Warning { line, message });
    }

    fn finish(mut self) -> Built {
        let drafts = std::mem::take(&mut self.drafts);
        let has_questions = drafts.iter().any(|d| d.exchange.question.is_some());
        for (e, mut d) in drafts.into_iter().enumerate() {
            d.exchange.number = e + 1;
            let ex = &d.exchange;
            for t in ex.question.iter().chain(&ex.answers).chain(&ex.remarks) {
                for &i in &t.paragraphs {
                    self.out.paragraphs[i].exchange = Some(e);
                }
            }
            if ex.question.is_some() && ex.answers.is_empty() {
                self.warn(d.line, "question with no answer".into());
            }
            if ex.question.is_none() && has_questions {
                let first = &self.out.paragraphs[ex.answers[0].paragraphs[0]];
                if d.why == Why::Stray {
                    self.warn(
                        d.line,
                        "answer with no question (after the exchange above closed)".into(),
                    );
                } else if first.text.trim_end().ends_with(['？', '?']) {
                    self.warn(d.line, "unlabelled paragraph ends with a question mark but is read as an answer with no question".into());
                }
            }
            if ex.answerer.is_empty() && !ex.answers.is_empty() {
                self.warn(
                    d.line,
                    "nobody is named as the speaker (add `answerer:` to the front matter)".into(),
                );
            }
            self.out.exchanges.push(d.exchange);
        }
        self.out.warnings.sort_by_key(|w| w.line);
        self.out
    }
}

/// Whether `a` and `b` joined stay within [`crate::corpus::HARD_PARAGRAPH_CHARS`]. Bytes
/// bound characters, so characters are counted only near the limit (and never beyond three
/// bytes a character), which keeps rejoining linear.
fn fits(a: &str, b: &str) -> bool {
    let max = crate::corpus::HARD_PARAGRAPH_CHARS;
    let bytes = a.len() + b.len();
    bytes <= max || (bytes <= 3 * max && a.chars().count() + b.chars().count() <= max)
}
