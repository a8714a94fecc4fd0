//! Display width and wrapping for the console: Chinese characters take two columns, ANSI
//! escapes none; wrapped lines keep their indent; a line never starts with closing punctuation
//! (`，。」`) and ASCII words are not split when they fit on a line.

use unicode_width::UnicodeWidthChar;

/// One piece of text to place: an escape sequence (no width), a word of ASCII letters and
/// digits, a space, or any other character.
#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    width: usize,
    space: bool,
    /// Closing punctuation that must not start a line.
    closing: bool,
}

fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let len = if c == '\x1b' {
            // CSI: ESC [ … final byte in @..~
            let end = rest[1..]
                .char_indices()
                .skip(1)
                .find(|(_, ch)| ('@'..='~').contains(ch))
                .map_or(rest.len(), |(i, ch)| 1 + i + ch.len_utf8());
            out.push(Token {
                text: &rest[..end],
                width: 0,
                space: false,
                closing: false,
            });
            rest = &rest[end..];
            continue;
        } else if c.is_ascii_alphanumeric() {
            rest.find(|ch: char| !(ch.is_ascii_alphanumeric() || ".,'_-/%:".contains(ch)))
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        let text = &rest[..len];
        out.push(Token {
            text,
            width: width(text),
            space: c == ' ',
            closing: "，。、；：？！」』）》”’…,.;:?!)]".contains(c) && len == c.len_utf8(),
        });
        rest = &rest[len..];
    }
    out
}

/// Columns `s` takes on a terminal (ANSI escapes count nothing).
pub fn width(s: &str) -> usize {
    let mut w = 0;
    let mut in_escape = false;
    for c in s.chars() {
        if in_escape {
            in_escape = !('@'..='~').contains(&c) || c == '[';
            continue;
        }
        if c == '\x1b' {
            in_escape = true;
            continue;
        }
        w += c.width().unwrap_or(0);
    }
    w
}

/// `s` on one line of at most `max` columns, ending in `…` when cut (an open ANSI style is
/// closed).
pub fn fit(s: &str, max: usize) -> String {
    let s = s.replace('\n', " ");
    if width(&s) <= max {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    let mut styled = false;
    for t in tokens(&s) {
        if t.width == 0 && t.text.starts_with('\x1b') {
            styled = t.text != "\x1b[0m";
            out.push_str(t.text);
            continue;
        }
        for c in t.text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > max {
                out.push('…');
                if styled {
                    out.push_str("\x1b[0m");
                }
                return out;
            }
            used += w;
            out.push(c);
        }
    }
    out
}

/// `text` wrapped to `width` columns: the first line starts with `first`, the others with
/// `indent`; every line ends with `\n`.
pub fn wrap(text: &str, width_cols: usize, first: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut line: Vec<Token<'_>> = Vec::new();
    let mut used = width(first);
    let mut prefix = first;
    let flush = |out: &mut String, prefix: &str, line: &mut Vec<Token<'_>>| {
        while line.last().is_some_and(|t| t.space) {
            line.pop();
        }
        out.push_str(prefix);
        for t in line.drain(..) {
            out.push_str(t.text);
        }
        out.push('\n');
    };
    for t in tokens(text) {
        if t.text == "\n" {
            flush(&mut out, prefix, &mut line);
            prefix = indent;
            used = width(indent);
            continue;
        }
        if used + t.width <= width_cols || line.iter().all(|t| t.width == 0) {
            if t.space && line.is_empty() && prefix == indent {
                continue;
            }
            used += t.width;
            line.push(t);
            continue;
        }
        // Break before `t`; carry the last character along when `t` may not start a line.
        let mut carry = Vec::new();
        if t.closing && line.iter().filter(|t| t.width > 0).count() > 1 {
            while let Some(last) = line.pop() {
                let visible = last.width > 0;
                carry.insert(0, last);
                if visible {
                    break;
                }
            }
        }
        flush(&mut out, prefix, &mut line);
        prefix = indent;
        used = width(indent);
        for c in carry {
            used += c.width;
            line.push(c);
        }
        if t.space {
            continue;
        }
        if t.width > width_cols.saturating_sub(used) && t.text.chars().count() > 1 {
            // A word longer than a line: split it by character.
            for c in t.text.char_indices() {
                let piece = &t.text[c.0..c.0 + c.1.len_utf8()];
                let w = c.1.width().unwrap_or(0);
                if used + w > width_cols && !line.is_empty() {
                    flush(&mut out, prefix, &mut line);
                    used = width(indent);
                }
                used += w;
                line.push(Token {
                    text: piece,
                    width: w,
                    space: false,
                    closing: false,
                });
            }
            continue;
        }
        used += t.width;
        line.push(t);
    }
    if !line.is_empty() || out.is_empty() {
        flush(&mut out, prefix, &mut line);
    }
    out
}

/// `s` padded with spaces to `cols` columns (display width, not characters).
pub fn pad(s: &str, cols: usize) -> String {
    let w = width(s);
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_columns_not_characters() {
        assert_eq!(width("人工智能"), 8);
        assert_eq!(width("AI 合作"), 7);
        assert_eq!(width("\x1b[1m合作\x1b[0m"), 4);
        assert_eq!(pad("南海", 6), "南海  ");
    }

    #[test]
    fn wrapped_lines_keep_their_indent_and_fit() {
        let text = "中国对与各国开展人工智能合作持积极开放态度，迄今已经与一些国家建立了对话机制。";
        let out = wrap(text, 20, "1. ", "   ");
        for line in out.lines() {
            assert!(width(line) <= 20, "{line}");
        }
        assert!(out.starts_with("1. 中国"));
        assert!(out.lines().skip(1).all(|l| l.starts_with("   ")));
        assert!(
            out.lines().all(|l| !l.trim_start().starts_with('，')),
            "{out}"
        );
        assert_eq!(out.replace("\n   ", "").trim_end(), format!("1. {text}"));
    }

    #[test]
    fn the_last_line_ends_with_a_newline() {
        let out = wrap(
            "No passage answers “火星人”. Try other words, or list the topics with `pressroom topics`.",
            80,
            "",
            "  ",
        );
        assert!(out.ends_with("topics`.\n"), "{out:?}");
    }

    #[test]
    fn ascii_words_stay_whole() {
        let out = wrap("hello wonderful world", 12, "", "  ");
        assert_eq!(out, "hello\n  wonderful\n  world\n");
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_and_closes_styles() {
        assert_eq!(fit("人工智能合作", 7), "人工智…");
        assert_eq!(fit("短", 7), "短");
        assert_eq!(fit("\x1b[1m人工智能\x1b[0m合作", 5), "\x1b[1m人工…\x1b[0m");
    }
}
