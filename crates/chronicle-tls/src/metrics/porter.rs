//! The original Porter (1980) suffix-stripping stemmer, the one ROUGE-1.5.5
//! applies with `-m`. Written from the published algorithm; works on ASCII
//! lowercase words and returns anything else unchanged.

/// Stems one lowercase word.
pub fn stem(word: &str) -> String {
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut w = Stemmer {
        b: word.as_bytes().to_vec(),
    };
    w.step1ab();
    w.step1c();
    w.step2();
    w.step3();
    w.step4();
    w.step5();
    String::from_utf8(w.b).unwrap_or_else(|_| word.to_string())
}

struct Stemmer {
    b: Vec<u8>,
}

impl Stemmer {
    /// Consonant at `i` in the sense of the algorithm (`y` after a consonant is a vowel).
    fn cons(&self, i: usize) -> bool {
        match self.b[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => i == 0 || !self.cons(i - 1),
            _ => true,
        }
    }

    /// The measure m of `b[..len]`: the number of VC sequences.
    fn measure(&self, len: usize) -> usize {
        let mut n = 0;
        let mut i = 0;
        while i < len && self.cons(i) {
            i += 1;
        }
        loop {
            while i < len && !self.cons(i) {
                i += 1;
            }
            if i >= len {
                return n;
            }
            while i < len && self.cons(i) {
                i += 1;
            }
            n += 1;
            if i >= len {
                return n;
            }
        }
    }

    fn has_vowel(&self, len: usize) -> bool {
        (0..len).any(|i| !self.cons(i))
    }

    /// `b[..len]` ends in a double consonant.
    fn double_cons(&self, len: usize) -> bool {
        len >= 2 && self.b[len - 1] == self.b[len - 2] && self.cons(len - 1)
    }

    /// `b[..len]` is consonants, one vowel, one consonant other than w, x
    /// or y (ROUGE's form of the rule "measure 1 and ends cvc").
    fn cvc(&self, len: usize) -> bool {
        if len < 3 || !self.cons(len - 1) || self.cons(len - 2) {
            return false;
        }
        if matches!(self.b[len - 1], b'w' | b'x' | b'y') {
            return false;
        }
        (0..len - 2).all(|i| self.cons(i))
    }

    fn ends(&self, suffix: &str) -> bool {
        self.b.ends_with(suffix.as_bytes())
    }

    /// Length of the stem left when `suffix` is removed.
    fn stem_len(&self, suffix: &str) -> usize {
        self.b.len() - suffix.len()
    }

    fn set_to(&mut self, suffix: &str, replacement: &str) {
        let k = self.stem_len(suffix);
        self.b.truncate(k);
        self.b.extend_from_slice(replacement.as_bytes());
    }

    /// Replaces `suffix` when the stem's measure is above `min_m`.
    fn replace_if(&mut self, suffix: &str, replacement: &str, min_m: usize) -> bool {
        if !self.ends(suffix) {
            return false;
        }
        if self.measure(self.stem_len(suffix)) > min_m {
            self.set_to(suffix, replacement);
        }
        true
    }

    fn step1ab(&mut self) {
        if self.ends("s") {
            if self.ends("sses") {
                self.set_to("sses", "ss");
            } else if self.ends("ies") {
                self.set_to("ies", "i");
            } else if !self.ends("ss") {
                self.b.pop();
            }
        }
        if self.ends("eed") {
            if self.measure(self.stem_len("eed")) > 0 {
                self.b.pop();
            }
            return;
        }
        let cut = if self.ends("ed") && self.has_vowel(self.stem_len("ed")) {
            Some("ed")
        } else if self.ends("ing") && self.has_vowel(self.stem_len("ing")) {
            Some("ing")
        } else {
            None
        };
        if let Some(suffix) = cut {
            let k = self.stem_len(suffix);
            self.b.truncate(k);
            if self.ends("at") || self.ends("bl") || self.ends("iz") {
                self.b.push(b'e');
            } else if self.double_cons(self.b.len()) {
                if !matches!(self.b[self.b.len() - 1], b'l' | b's' | b'z') {
                    self.b.pop();
                }
            } else if self.cvc(self.b.len()) {
                self.b.push(b'e');
            }
        }
    }

    fn step1c(&mut self) {
        let len = self.b.len();
        if self.ends("y") && self.has_vowel(len - 1) {
            self.b[len - 1] = b'i';
        }
    }

    fn step2(&mut self) {
        const RULES: &[(&str, &str)] = &[
            ("ational", "ate"),
            ("tional", "tion"),
            ("enci", "ence"),
            ("anci", "ance"),
            ("izer", "ize"),
            ("bli", "ble"),
            ("alli", "al"),
            ("entli", "ent"),
            ("eli", "e"),
            ("ousli", "ous"),
            ("ization", "ize"),
            ("ation", "ate"),
            ("ator", "ate"),
            ("alism", "al"),
            ("iveness", "ive"),
            ("fulness", "ful"),
            ("ousness", "ous"),
            ("aliti", "al"),
            ("iviti", "ive"),
            ("biliti", "ble"),
            ("logi", "log"),
        ];
        for (suffix, rep) in RULES {
            if self.replace_if(suffix, rep, 0) {
                return;
            }
        }
    }

    fn step3(&mut self) {
        const RULES: &[(&str, &str)] = &[
            ("icate", "ic"),
            ("ative", ""),
            ("alize", "al"),
            ("iciti", "ic"),
            ("ical", "ic"),
            ("ful", ""),
            ("ness", ""),
        ];
        for (suffix, rep) in RULES {
            if self.replace_if(suffix, rep, 0) {
                return;
            }
        }
    }

    /// Step 4 as ROUGE-1.5.5 modified it (2004): a word ending in "-ement"
    /// does not then try "-ment" and "-ent" in the same rule; instead "-ment"
    /// and then "-ent" are tried after it, each on what is left.
    fn step4(&mut self) {
        const SUFFIXES: &[&str] = &[
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize",
        ];
        let mut best: Option<&str> = None;
        for s in SUFFIXES {
            if self.ends(s) && best.is_none_or(|b| s.len() > b.len()) {
                best = Some(s);
            }
        }
        if let Some(suffix) = best {
            self.strip_if_long(suffix);
        }
        if self.ends("ment") {
            self.strip_if_long("ment");
        }
        if self.ends("ent") {
            self.strip_if_long("ent");
        } else if self.ends("ion") {
            let k = self.stem_len("ion");
            if k > 0 && matches!(self.b[k - 1], b's' | b't') && self.measure(k) > 1 {
                self.b.truncate(k);
            }
        }
    }

    /// Removes `suffix` (which the word ends with) when the stem's measure is above 1.
    fn strip_if_long(&mut self, suffix: &str) {
        let k = self.stem_len(suffix);
        if self.measure(k) > 1 {
            self.b.truncate(k);
        }
    }

    fn step5(&mut self) {
        let len = self.b.len();
        if self.ends("e") {
            let m = self.measure(len - 1);
            if m > 1 || (m == 1 && !self.cvc(len - 1)) {
                self.b.pop();
            }
        }
        let len = self.b.len();
        if self.ends("l") && self.double_cons(len) && self.measure(len) > 1 {
            self.b.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn published_examples() {
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("digitizer", "digit"),
            ("hopeful", "hope"),
            ("goodness", "good"),
            ("revival", "reviv"),
            ("adjustment", "adjust"),
            ("agreement", "agreem"),
            ("accidental", "accid"),
            ("adoption", "adopt"),
            ("controlling", "control"),
            ("generalization", "gener"),
            ("oscillators", "oscil"),
            ("explosion", "explos"),
            ("announces", "announc"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }

    #[test]
    fn leaves_non_ascii_and_short_words() {
        assert_eq!(stem("is"), "is");
        assert_eq!(stem("café"), "café");
        assert_eq!(stem("bp's"), "bp's");
    }
}
