//! A message as the bot will send it ([`View`]: content, embeds, buttons), and Discord's limits,
//! which [`View::fit`] guarantees. Renderers build views; `send` turns them into serenity's
//! builders.

use serde::Serialize;

use crate::reply::render::truncate_chars;

/// Discord's limits, in characters.
pub mod limits {
    /// Message content.
    pub const CONTENT: usize = 2000;
    /// Embed title.
    pub const TITLE: usize = 256;
    /// Embed description.
    pub const DESCRIPTION: usize = 4096;
    /// Fields per embed.
    pub const FIELDS: usize = 25;
    /// Field name.
    pub const FIELD_NAME: usize = 256;
    /// Field value.
    pub const FIELD_VALUE: usize = 1024;
    /// Footer text.
    pub const FOOTER: usize = 2048;
    /// All text of all embeds of a message.
    pub const EMBEDS_TOTAL: usize = 6000;
    /// Embeds per message.
    pub const EMBEDS: usize = 10;
    /// Button label.
    pub const LABEL: usize = 80;
    /// Buttons per action row.
    pub const BUTTONS: usize = 5;
    /// Action rows per message.
    pub const ROWS: usize = 5;
    /// Autocomplete choice name.
    pub const CHOICE_NAME: usize = 100;
    /// Autocomplete choices.
    pub const CHOICES: usize = 25;
}

/// A message as the bot will send it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct View {
    /// Plain content above the embeds.
    pub content: Option<String>,
    /// The embeds.
    pub embeds: Vec<Embed>,
    /// Buttons, five to a row.
    pub buttons: Vec<Button>,
    /// Only the person who pressed or typed sees it (interactions only).
    pub ephemeral: bool,
}

/// One embed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Embed {
    /// Title line.
    pub title: Option<String>,
    /// Body (markdown).
    pub description: Option<String>,
    /// Fields below the body.
    pub fields: Vec<Field>,
    /// Small print at the bottom.
    pub footer: Option<String>,
    /// The stripe colour.
    pub color: u32,
}

/// An embed field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: String,
}

/// A button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Button {
    /// What it says.
    pub label: String,
    /// What it does ([`super::buttons::ButtonId::encode`]).
    pub custom_id: String,
    /// Drawn as the main action.
    pub primary: bool,
    /// Greyed out.
    pub disabled: bool,
}

impl View {
    /// A short text reply.
    pub fn notice(text: impl Into<String>, ephemeral: bool) -> View {
        View {
            content: Some(text.into()),
            ephemeral,
            ..View::default()
        }
    }

    /// Adds `line` under the content (a note on the answer); a view without content takes none.
    pub fn add_line(&mut self, line: &str) {
        if let Some(content) = &mut self.content {
            content.push('\n');
            content.push_str(line);
        }
    }

    /// The same view, cut to Discord's limits (characters, not bytes). Renderers already stay
    /// inside them; this is the one place that guarantees it.
    pub fn fit(mut self) -> View {
        use limits::*;
        if let Some(c) = &mut self.content {
            *c = truncate_chars(c, CONTENT);
        }
        self.embeds.truncate(EMBEDS);
        let mut budget = EMBEDS_TOTAL;
        for e in &mut self.embeds {
            let mut cut = |s: &mut String, max: usize| {
                match max.min(budget) {
                    0 => s.clear(),
                    max => *s = truncate_chars(s, max),
                }
                budget = budget.saturating_sub(s.chars().count());
            };
            if let Some(t) = &mut e.title {
                cut(t, TITLE);
            }
            if let Some(d) = &mut e.description {
                cut(d, DESCRIPTION);
            }
            e.fields.truncate(FIELDS);
            for f in &mut e.fields {
                cut(&mut f.name, FIELD_NAME);
                cut(&mut f.value, FIELD_VALUE);
            }
            if let Some(f) = &mut e.footer {
                cut(f, FOOTER);
            }
            // Discord rejects empty strings; what was cut to nothing goes.
            e.fields
                .retain(|f| !f.name.is_empty() && !f.value.is_empty());
            for s in [&mut e.title, &mut e.description, &mut e.footer] {
                if s.as_deref() == Some("") {
                    *s = None;
                }
            }
        }
        self.embeds
            .retain(|e| e.title.is_some() || e.description.is_some() || !e.fields.is_empty());
        self.buttons.truncate(BUTTONS * ROWS);
        for b in &mut self.buttons {
            b.label = truncate_chars(&b.label, LABEL);
        }
        self
    }

    /// Characters of embed text, as Discord counts them against [`limits::EMBEDS_TOTAL`].
    pub fn embed_chars(&self) -> usize {
        let n = |s: &Option<String>| s.as_ref().map_or(0, |s| s.chars().count());
        self.embeds
            .iter()
            .map(|e| {
                n(&e.title)
                    + n(&e.description)
                    + n(&e.footer)
                    + e.fields
                        .iter()
                        .map(|f| f.name.chars().count() + f.value.chars().count())
                        .sum::<usize>()
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_every_limit_in_characters() {
        let long = "长".repeat(10_000);
        let v = View {
            content: Some(long.clone()),
            embeds: vec![
                Embed {
                    title: Some(long.clone()),
                    description: Some(long.clone()),
                    fields: (0..30)
                        .map(|_| Field {
                            name: long.clone(),
                            value: long.clone(),
                        })
                        .collect(),
                    footer: Some(long.clone()),
                    color: 0,
                };
                3
            ],
            buttons: vec![],
            ephemeral: false,
        }
        .fit();
        assert_eq!(v.content.as_ref().unwrap().chars().count(), limits::CONTENT);
        assert!(v.embed_chars() <= limits::EMBEDS_TOTAL);
        for e in &v.embeds {
            assert!(e.title.as_ref().unwrap().chars().count() <= limits::TITLE);
            assert!(e.fields.len() <= limits::FIELDS);
            assert!(e.fields.iter().all(|f| !f.value.is_empty()));
        }
    }
}
