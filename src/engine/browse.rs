//! Questions that name a selection (a day, a period, a speaker, a transcript) and no subject:
//! 2019年5月20日的记者会讲了哪些事, 赵立坚最近说了什么, `耿爽 2019年12月`. Searching their few
//! words (讲, 事) quotes whatever passage holds them; what the asker wants is what was said
//! there, so they get the selection's exchanges, latest day first and in the order of their
//! briefing, each by the first paragraph of its answer.

use std::collections::HashSet;

use super::Engine;
use crate::reply::Hit;
use crate::search::QueryPlan;
use crate::search::constraints::{BriefingOrdinal, Constraints, iso};

impl Engine {
    /// Does the question only select (a period, a speaker, a transcript) and ask about no
    /// subject?
    pub(super) fn only_selects(&self, plan: &QueryPlan, c: &Constraints) -> bool {
        let selects = c.period().is_some() || !c.speakers.is_empty() || !c.documents.is_empty();
        selects && !names_a_subject(plan, c)
    }

    /// The exchanges `c` selects, latest day first and in their briefing's order within a day,
    /// each as its answer's first paragraph; at most `top`. A day named means that day's
    /// briefing: not the later ones a question about an event that day may reach.
    pub(super) fn browse(&self, c: &Constraints, top: usize) -> Vec<Hit> {
        let period = c.named_days();
        let mut docs: Vec<usize> = (0..self.documents.len())
            .filter(|&d| {
                // An undated transcript is in no period.
                let day = self.days[d];
                period
                    .as_ref()
                    .is_none_or(|days| day != 0 && days.contains(&day))
                    && (c.documents.is_empty() || c.documents.contains(&self.documents[d].id))
            })
            .collect();
        docs.sort_by_key(|&d| std::cmp::Reverse(self.days[d]));
        let no_highlight = HashSet::new();
        let mut hits = Vec::new();
        for d in docs {
            let doc = &self.documents[d];
            for ex in &doc.exchanges {
                if hits.len() == top {
                    return hits;
                }
                let speaker_ok = c.admits_speaker(&ex.answerer);
                let first = doc.answer_paragraphs(ex).first().copied();
                if let (true, Some(i)) = (speaker_ok, first)
                    && let Some(hit) = self.hit(d, i, 0.0, hits.len() + 1, &no_highlight)
                {
                    hits.push(hit);
                }
            }
        }
        hits
    }

    /// `c` narrowed to the first or last dated briefing it selects, labelled with its day
    /// (`2016-09-05, 第一场`); `c` itself when it selects none. The first in the library,
    /// which may not be a speaker's first ever.
    pub(super) fn one_briefing(&self, c: Constraints, ordinal: BriefingOrdinal) -> Constraints {
        let period = c.named_days();
        let selected = (0..self.documents.len()).filter(|&d| {
            let day = self.days[d];
            day != 0
                && period.as_ref().is_none_or(|days| days.contains(&day))
                && self.documents[d]
                    .exchanges
                    .iter()
                    .any(|ex| c.admits_speaker(&ex.answerer))
        });
        // Ties (two transcripts of one day) go to the one listed first.
        let chosen = match ordinal {
            BriefingOrdinal::First => selected.min_by_key(|&d| self.days[d]),
            BriefingOrdinal::Last => selected.rev().max_by_key(|&d| self.days[d]),
        };
        let Some(d) = chosen else {
            return c;
        };
        let which = match ordinal {
            BriefingOrdinal::First => "第一场",
            BriefingOrdinal::Last => "最后一场",
        };
        let label = match &c.describe_period() {
            Some(period) => format!("{}, {period} {which}", iso(self.days[d])),
            None => format!("{}, {which}", iso(self.days[d])),
        };
        Constraints {
            documents: vec![self.documents[d].id.clone()],
            period_label: Some(label),
            ..c.without_period()
        }
    }
}

/// Does the question name a subject to search for? A speaker's name that is a filter is none,
/// nor are words for "things said" (讲了哪些事, 谈了什么话题).
pub(super) fn names_a_subject(plan: &QueryPlan, c: &Constraints) -> bool {
    const ANY_SUBJECT: &[&str] = &["事", "事情", "话题", "问题", "议题", "内容", "东西"];
    plan.concepts.iter().any(|k| {
        k.is_topical()
            && !c.speakers.contains(&k.forms[0])
            && !ANY_SUBJECT.contains(&k.forms[0].as_str())
    })
}
