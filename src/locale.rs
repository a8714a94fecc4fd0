//! The two languages pressroom speaks to users (zh-CN and en-US), chosen by a Discord
//! interaction's locale, or for chat messages by the script of the question.

/// A reply language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese (zh-CN; also used for zh-TW, whose readers read it).
    Zh,
    /// English (en-US and every other locale).
    En,
}

impl Lang {
    /// The language for a Discord locale such as `zh-CN` or `en-US`.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language of a chat message: Chinese when it has any Han character.
    pub fn of_text(text: &str) -> Lang {
        if text.chars().any(crate::script::is_han) {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// Picks the string for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_and_script_choose_the_language() {
        assert_eq!(Lang::from_locale("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh-TW"), Lang::Zh);
        assert_eq!(Lang::from_locale("en-US"), Lang::En);
        assert_eq!(Lang::from_locale("de"), Lang::En);
        assert_eq!(Lang::of_text("what about AI?"), Lang::En);
        assert_eq!(Lang::of_text("AI 合作"), Lang::Zh);
    }
}
