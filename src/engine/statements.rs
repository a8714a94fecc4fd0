//! Is one passage the same statement as another? The ministry repeats stock answers, word for
//! word or with a sentence added; such repeats are one answer, not several.
//!
//! A passage is read as its character 4-gram shingles. Most pairs of candidates share nothing,
//! so each passage first gets a sketch (its few smallest shingle hashes), and the whole sorted
//! set is made only for pairs whose sketches overlap.

/// Two passages with at least this share of shingles in common are one statement.
const SAME_STATEMENT: f32 = 0.75;

/// How many of a passage's shingles are looked up in the other passage before comparing all.
const SHINGLE_SAMPLE: usize = 16;

/// How many of a passage's smallest shingle hashes make its sketch.
const SKETCH: usize = 16;

/// Sketches sharing fewer hashes than this are of different statements. Repeats (three
/// quarters of the smaller passage's shingles in the larger, of nearly the same length) share
/// about six of sixteen on average and rarely fewer than two; unrelated passages share none.
const SKETCH_MIN_SHARED: usize = 2;

/// The hashes of a normalised passage's character 4-gram shingles (letters and digits only), in
/// text order, with repeats.
fn shingle_hashes(text: &str) -> impl Iterator<Item = u64> + '_ {
    // Three code points (21 bits each) fit a u64 exactly; the fourth is mixed in. The last
    // four letters are kept as they come, without collecting the text's letters first.
    let mut w = [0u64; 4];
    let mut seen = 0usize;
    text.chars()
        .filter(|&c| crate::script::is_word_char(c))
        .filter_map(move |c| {
            w = [w[1], w[2], w[3], u64::from(c)];
            seen += 1;
            (seen >= 4).then(|| {
                ((w[0] << 42) | (w[1] << 21) | w[2]).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ w[3]
            })
        })
}

/// A passage's shingle hashes, sorted and without repeats: sets compared by merging, with no
/// hash table to build.
#[derive(Debug)]
pub(super) struct Shingles(Vec<u64>);

impl Shingles {
    pub(super) fn of(text: &str) -> Shingles {
        let mut hashes: Vec<u64> = Vec::with_capacity(text.len() / 3);
        hashes.extend(shingle_hashes(text));
        hashes.sort_unstable();
        hashes.dedup();
        Shingles(hashes)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// Is `other` the same statement: do at least [`SAME_STATEMENT`] of the smaller set's
    /// shingles stand in the larger (containment, so a statement repeated with a sentence added
    /// or dropped is still the same), damped when one passage is much longer than the other?
    pub(super) fn same_statement(&self, other: &Shingles) -> bool {
        let (small, large) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        if small.len() < 8 {
            return small.0 == large.0;
        }
        let damping = (small.len() as f32 / large.len() as f32).sqrt().max(0.5);
        if damping < SAME_STATEMENT {
            return false;
        }
        // The smallest hashes are a random sample of the smaller set: repeats have about all
        // of them in the larger set, other passages few, and most pairs are the latter.
        let sample = small.len().min(SHINGLE_SAMPLE);
        let found = small.0[..sample]
            .iter()
            .filter(|h| large.0.binary_search(h).is_ok())
            .count();
        if found * 2 < sample {
            return false;
        }
        let common = count_common(&small.0, &large.0);
        common as f32 / small.len() as f32 * damping >= SAME_STATEMENT
    }
}

/// The [`SKETCH`] smallest distinct shingle hashes of a passage, ascending (all of them for a
/// short passage): made without sorting the whole set.
#[derive(Debug)]
pub(super) struct Sketch(Box<[u64]>);

impl Sketch {
    pub(super) fn of(text: &str) -> Sketch {
        let mut least: Vec<u64> = Vec::with_capacity(SKETCH + 1);
        for h in shingle_hashes(text) {
            if least.len() == SKETCH && h >= least[SKETCH - 1] {
                continue;
            }
            if let Err(at) = least.binary_search(&h) {
                least.insert(at, h);
                least.truncate(SKETCH);
            }
        }
        Sketch(least.into_boxed_slice())
    }

    /// Could the two passages be the same statement? False only when they certainly are not,
    /// or (rarely, for a repeat at the edge of [`SAME_STATEMENT`]) almost certainly not.
    pub(super) fn may_match(&self, other: &Sketch) -> bool {
        // Short passages are compared whole: their sketch is all they have.
        if self.0.len() < SKETCH || other.0.len() < SKETCH {
            return true;
        }
        count_common(&self.0, &other.0) >= SKETCH_MIN_SHARED
    }
}

/// How many values two sorted lists share.
fn count_common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    const VATICAN: &str =
        "中方在改善和发展同梵蒂冈的关系问题上，一向抱有诚意，并为此作出了积极努力。";
    const VATICAN_MORE: &str = "中方在改善和发展同梵蒂冈的关系问题上，一向抱有诚意，并为此作出了积极努力。我们愿继续同梵方进行建设性对话。";
    const NSG: &str =
        "中方支持巴方与核供应国集团接触，希望集团以开放、透明的方式讨论非缔约国加入问题。";

    #[test]
    fn repeated_statements_are_similar_and_others_not() {
        let a = Shingles::of(VATICAN);
        let b = Shingles::of(VATICAN_MORE);
        let c = Shingles::of(NSG);
        assert!(a.same_statement(&b) && b.same_statement(&a));
        assert!(!a.same_statement(&c) && !c.same_statement(&a));
        assert!(a.same_statement(&a));
    }

    #[test]
    fn a_sketch_is_the_smallest_hashes_of_the_set() {
        for text in [VATICAN, VATICAN_MORE, NSG, "", "中方"] {
            let all = Shingles::of(text).0;
            let sketch = Sketch::of(text).0;
            assert_eq!(*sketch, all[..all.len().min(SKETCH)], "{text}");
        }
    }

    #[test]
    fn sketches_let_repeats_through_and_keep_others_apart() {
        let (a, b, c) = (
            Sketch::of(VATICAN),
            Sketch::of(VATICAN_MORE),
            Sketch::of(NSG),
        );
        assert!(a.may_match(&b) && b.may_match(&a) && a.may_match(&a));
        assert!(!a.may_match(&c) && !c.may_match(&b));
        // Too short to sketch: left to the whole comparison.
        assert!(Sketch::of("中方").may_match(&c));
    }
}
