//! The annotation layers. Each is a list of spans over `Doc::text`, sorted
//! by start offset, added by exactly one pipeline stage.

use crate::Span;

/// Coarse token classes, decided by the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods (`U.S.`, `don't`, `co-op`).
    Word,
    /// Digits, possibly with separators or a unit glued on (`1,200`, `3.5`, `1990s`, `10:30`).
    Number,
    /// A quotation mark of any style (`"`, `“`, `”`, `'`, `‘`, `’`, `` `` ``, `''`).
    Quote,
    /// Sentence and clause punctuation, brackets, dashes, ellipses.
    Punct,
    /// Currency and other symbols (`$`, `€`, `%`, `&`).
    Symbol,
    Url,
    Email,
    /// `#tag` or `@handle`.
    Tag,
    /// Anything else (emoji, stray control characters).
    Other,
}

/// One token: a span and its class. `flags` carries layout facts that the
/// text no longer shows once tokenized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    pub flags: u8,
}

impl Token {
    /// Whitespace precedes the token (or it starts the text).
    pub const SPACE_BEFORE: u8 = 1;
    /// A line break precedes the token (or it starts the text).
    pub const LINE_START: u8 = 2;
    /// A blank line precedes the token (or it starts the text).
    pub const PARAGRAPH_START: u8 = 4;

    #[inline]
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// CoNLL-2003 entity classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityLabel {
    Per,
    Org,
    Loc,
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 4] = [
        EntityLabel::Per,
        EntityLabel::Org,
        EntityLabel::Loc,
        EntityLabel::Misc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<EntityLabel> {
        Some(match s {
            "PER" => EntityLabel::Per,
            "ORG" => EntityLabel::Org,
            "LOC" => EntityLabel::Loc,
            "MISC" => EntityLabel::Misc,
            _ => return None,
        })
    }
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub label: EntityLabel,
    /// The fullest name this entity has in the document, titles stripped.
    pub canonical: String,
}

/// TIMEX3 `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    pub fn parse(s: &str) -> Option<TimexType> {
        Some(match s {
            "DATE" => TimexType::Date,
            "TIME" => TimexType::Time,
            "DURATION" => TimexType::Duration,
            "SET" => TimexType::Set,
            _ => return None,
        })
    }
}

/// TIMEX3 `mod`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexMod {
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Start,
    Mid,
    End,
    Approx,
}

impl TimexMod {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexMod::Before => "BEFORE",
            TimexMod::After => "AFTER",
            TimexMod::OnOrBefore => "ON_OR_BEFORE",
            TimexMod::OnOrAfter => "ON_OR_AFTER",
            TimexMod::LessThan => "LESS_THAN",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::EqualOrLess => "EQUAL_OR_LESS",
            TimexMod::EqualOrMore => "EQUAL_OR_MORE",
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Approx => "APPROX",
        }
    }

    pub fn parse(s: &str) -> Option<TimexMod> {
        Some(match s {
            "BEFORE" => TimexMod::Before,
            "AFTER" => TimexMod::After,
            "ON_OR_BEFORE" => TimexMod::OnOrBefore,
            "ON_OR_AFTER" => TimexMod::OnOrAfter,
            "LESS_THAN" => TimexMod::LessThan,
            "MORE_THAN" => TimexMod::MoreThan,
            "EQUAL_OR_LESS" => TimexMod::EqualOrLess,
            "EQUAL_OR_MORE" => TimexMod::EqualOrMore,
            "START" => TimexMod::Start,
            "MID" => TimexMod::Mid,
            "END" => TimexMod::End,
            "APPROX" => TimexMod::Approx,
            _ => return None,
        })
    }
}

/// A temporal expression with its normalised TIMEX3 value.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// TIMEX3 `value` (`2017-03-01`, `P3Y`, `XXXX-WXX-1`, `PAST_REF`, …).
    pub value: String,
    pub modifier: Option<TimexMod>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    Direct,
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// One attribution: content, cue and (when it can be named) speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The content from its first to its last character.
    pub span: Span,
    /// The content's pieces when the attribution interrupts it; a single
    /// piece otherwise.
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    /// Canonical name of the speaker, when resolved.
    pub speaker: Option<String>,
    /// The source mention of this attribution ("he", "a spokesman"), when there is one.
    pub speaker_span: Option<Span>,
    /// The cue's lemma-like form as written (`said`, `according to`).
    pub cue: String,
    pub cue_span: Option<Span>,
}

/// Something the text reports as happening: a contact, a denial, a resignation.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// `contact`, or another event class.
    pub kind: String,
    /// The trigger word or phrase as written ("met", "spoke twice with").
    pub trigger: String,
    /// The trigger's span.
    pub span: Span,
    /// Canonical names of the participants.
    pub participants: Vec<String>,
    /// TIMEX3 value of when it happened, at its own granularity.
    pub date: Option<String>,
    /// The event is reported as not having happened ("did not meet").
    pub negated: bool,
}
