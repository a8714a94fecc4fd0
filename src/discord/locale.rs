//! The bot's words in the two languages it speaks (zh-CN and en-US), chosen by the
//! interaction's locale, or for chat messages by the script of the question.

use crate::error::UserError;

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
        if text
            .chars()
            .any(|c| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF))
        {
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

    /// A user's fault, said in this language.
    pub fn user_error(self, e: &UserError) -> String {
        match (self, e) {
            (Lang::En, e) => e.to_string(),
            (Lang::Zh, UserError::EmptyQuestion) => {
                "问题是空的：请输入一个问题，例如「中方对人工智能合作持什么立场？」".into()
            }
            (Lang::Zh, UserError::QuestionTooLong { chars, max }) => {
                format!("问题太长了（{chars} 个字符，最多 {max} 个）：请问得简短一些。")
            }
            (Lang::Zh, UserError::UnknownTopic(t)) => {
                format!("没有与「{t}」相符的话题：用 /topic 查看所有话题。")
            }
            (Lang::Zh, UserError::UnknownCitation(c)) => {
                format!("没有与引用「{c}」相符的段落（格式如 `2024-03-07 王毅记者会 ¶23`）。")
            }
            (Lang::Zh, UserError::NoSession) => "这里没有进行中的学习会。".into(),
            (Lang::Zh, UserError::SessionRunning) => {
                "这里已经有一场学习会在进行：请先用 /study end 结束它。".into()
            }
            (Lang::Zh, UserError::NotHost) => {
                "只有本次学习会的发起人（或有“管理子区”权限的成员）可以这样做。".into()
            }
            (Lang::Zh, UserError::RateLimited { seconds }) => {
                format!("问得太快了，请 {seconds} 秒后再试。")
            }
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

    #[test]
    fn every_user_error_has_a_chinese_message() {
        let all = [
            UserError::EmptyQuestion,
            UserError::QuestionTooLong {
                chars: 600,
                max: 500,
            },
            UserError::UnknownTopic("x".into()),
            UserError::UnknownCitation("x".into()),
            UserError::NoSession,
            UserError::SessionRunning,
            UserError::NotHost,
            UserError::RateLimited { seconds: 3 },
        ];
        for e in &all {
            let zh = Lang::Zh.user_error(e);
            assert!(Lang::of_text(&zh) == Lang::Zh, "{zh}");
            assert_eq!(Lang::En.user_error(e), e.to_string());
        }
    }
}
