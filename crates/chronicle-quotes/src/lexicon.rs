//! Closed word lists: cues, pronouns, titles and roles, contact triggers.
//!
//! Lookups take the lowercased, PTB-normalised token (`View::low`). The lists
//! are written for this project from general knowledge of English news style.

/// How a cue word introduces its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A speech or thought verb: "said", "told", "insisted".
    Verb,
    /// Takes a noun phrase or clause, rarely a quote: "believes", "thinks".
    Thought,
}

/// Speech and attribution verbs (all inflections listed so no stemmer is needed).
pub fn cue(word: &str) -> Option<CueClass> {
    use CueClass::*;
    Some(match word {
        "say" | "said" | "says" | "saying" | "tell" | "told" | "tells" | "telling" | "add"
        | "added" | "adds" | "adding" | "state" | "stated" | "states" | "note" | "noted"
        | "notes" | "noting" | "explain" | "explained" | "explains" | "explaining" | "insist"
        | "insisted" | "insists" | "argue" | "argued" | "argues" | "arguing" | "claim"
        | "claimed" | "claims" | "claiming" | "assert" | "asserted" | "asserts" | "contend"
        | "contended" | "contends" | "maintain" | "maintained" | "maintains" | "deny"
        | "denied" | "denies" | "denying" | "acknowledge" | "acknowledged" | "acknowledges"
        | "admit" | "admitted" | "admits" | "warn" | "warned" | "warns" | "warning" | "suggest"
        | "suggested" | "suggests" | "write" | "wrote" | "writes" | "tweet" | "tweeted"
        | "tweets" | "tweeting" | "post" | "posted" | "report" | "reported" | "reports"
        | "announce" | "announced" | "announces" | "declare" | "declared" | "declares"
        | "reply" | "replied" | "replies" | "respond" | "responded" | "responds" | "answer"
        | "answered" | "ask" | "asked" | "asks" | "asking" | "continue" | "continued"
        | "continues" | "recall" | "recalled" | "recalls" | "remark" | "remarked" | "observe"
        | "observed" | "testify" | "testified" | "testifies" | "predict" | "predicted"
        | "predicts" | "promise" | "promised" | "promises" | "vow" | "vowed" | "vows"
        | "pledge" | "pledged" | "urge" | "urged" | "urges" | "urging" | "confirm"
        | "confirmed" | "confirms" | "complain" | "complained" | "complains" | "concede"
        | "conceded" | "concedes" | "counter" | "countered" | "quip" | "quipped" | "joke"
        | "joked" | "shout" | "shouted" | "yell" | "yelled" | "emphasize" | "emphasized"
        | "emphasised" | "stress" | "stressed" | "stresses" | "agree" | "agreed" | "agrees"
        | "dispute" | "disputed" | "charge" | "charged" | "allege" | "alleged" | "alleges"
        | "accuse" | "accused" | "accuses" | "demand" | "demanded" | "demands" | "label"
        | "labelled" | "labeled" | "describe" | "described" | "describes" | "wonder"
        | "wondered" | "boast" | "boasted" | "brag" | "bragged" | "concluded" | "concludes"
        | "reiterated" | "repeated" | "read" | "reads" | "announcing" | "declaring"
        | "proclaimed" | "mused" | "cautioned" | "acknowledging" | "insisting" | "explains,"
        | "pointed" | "points" | "called" | "calls" | "calling" | "call" | "dubbed" | "blasted"
        | "slammed" | "criticized" | "praised" | "hinted" | "indicated" | "indicates"
        | "revealed" | "reveals" | "disclosed" | "informed" | "assured" | "reassured"
        | "advised" | "estimated" | "estimates" | "projected" | "found" | "finds" | "shows"
        | "showed" | "concluding" | "vowing" | "promising" | "warns," => Verb,
        "believe" | "believed" | "believes" | "think" | "thinks" | "thought" | "feel" | "feels"
        | "felt" | "hope" | "hoped" | "hopes" | "expect" | "expected" | "expects" | "fear"
        | "feared" | "fears" | "knows" | "knew" | "worry" | "worried" | "worries" | "want"
        | "wants" | "wanted" | "doubt" | "doubts" | "doubted" | "understands" | "understood" => {
            Thought
        }
        _ => return None,
    })
}

/// Cue verbs that also introduce content in a following quote (`X said: "…"`).
pub fn quote_introducer(word: &str) -> bool {
    matches!(cue(word), Some(CueClass::Verb))
}

/// Cue verbs whose content is usually a noun phrase, not a clause: skip them
/// for indirect (clausal) attribution unless "that" follows.
pub fn np_cue(word: &str) -> bool {
    matches!(
        word,
        "called"
            | "calls"
            | "calling"
            | "dubbed"
            | "blasted"
            | "slammed"
            | "criticized"
            | "praised"
            | "described"
            | "describes"
            | "labelled"
            | "labeled"
            | "label"
            | "read"
            | "reads"
            | "post"
            | "posted"
            | "answer"
            | "answered"
            | "continue"
            | "continued"
            | "continues"
            | "report"
            | "add"
            | "note"
            | "state"
            | "states"
            | "charge"
            | "charged"
            | "counter"
            | "pointed"
            | "points"
            | "found"
            | "finds"
            | "want"
            | "wants"
            | "wanted"
            | "hope"
            | "expect"
            | "feel"
            | "fear"
            | "dispute"
            | "disputed"
            | "repeated"
            | "accuse"
            | "accused"
            | "accuses"
            | "ask"
            | "asks"
            | "asking"
            | "demand"
            | "demands"
            | "demanded"
            | "promise"
            | "promises"
            | "urge"
            | "urged"
            | "urges"
            | "urging"
    )
}

/// Subject pronouns and what they can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
    /// First person: inside a quote it is the speaker; outside, the writer.
    I,
    We,
}

pub fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" | "him" | "his" | "himself" => Pronoun::He,
        "she" | "her" | "hers" | "herself" => Pronoun::She,
        "they" | "them" | "their" | "themselves" => Pronoun::They,
        "it" | "its" | "itself" => Pronoun::It,
        "i" | "me" | "my" | "myself" => Pronoun::I,
        "we" | "us" | "our" | "ourselves" => Pronoun::We,
        _ => return None,
    })
}

/// Grammatical gender known for an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

/// Person roles (lowercase head nouns) that make a nominal mention, with the
/// gender they imply. Multi-word roles are matched by their head ("general"
/// only after "attorney", see [`role_bigram`]).
pub fn person_role(word: &str) -> Option<Gender> {
    use Gender::*;
    Some(match word {
        "spokesman" | "congressman" | "chairman" | "businessman" | "mr." | "mr" | "husband"
        | "father" | "son" | "brother" | "king" | "prince" | "sir" => Male,
        "spokeswoman" | "congresswoman" | "chairwoman" | "businesswoman" | "mrs." | "mrs"
        | "ms." | "ms" | "wife" | "mother" | "daughter" | "sister" | "queen" | "princess"
        | "first lady" => Female,
        "senator" | "sen." | "president" | "secretary" | "ambassador" | "governor" | "gov."
        | "representative" | "rep." | "lawmaker" | "leader" | "chair" | "director"
        | "candidate" | "nominee" | "official" | "aide" | "adviser" | "advisor" | "lawyer"
        | "attorney" | "prosecutor" | "judge" | "justice" | "minister" | "mayor" | "chief"
        | "analyst" | "expert" | "professor" | "economist" | "strategist" | "manager"
        | "pollster" | "billionaire" | "mogul" | "front-runner" | "frontrunner" | "officer"
        | "agent" | "diplomat" | "spokesperson" | "speaker" | "envoy" | "commander" | "general"
        | "gen." | "dr." | "reporter" | "columnist" | "writer" | "author" | "host" | "anchor"
        | "editor" | "owner" | "founder" | "executive" | "ceo" | "chancellor" | "premier"
        | "whip" | "staffer" | "operative" | "consultant" | "surrogate" | "republican"
        | "democrat" | "independent" | "veteran" | "activist" | "critic" | "supporter"
        | "opponent" | "rival" | "challenger" | "incumbent" | "counsel" | "investigator"
        | "historian" | "scholar" | "researcher" | "source" | "insider" | "witness" | "voter"
        | "resident" | "member" | "colleague" | "friend" | "president-elect" | "vice-president"
        | "attorney-general" | "employee" | "worker" | "user" | "delegate" | "student"
        | "teacher" | "protester" | "attendee" | "participant" | "citizen" | "immigrant"
        | "donor" | "volunteer" | "organizer" | "partner" | "doctor" | "nurse" | "soldier"
        | "pastor" | "priest" | "bishop" | "coach" | "player" | "fan" | "viewer"
        | "commentator" | "pundit" | "blogger" | "journalist" | "correspondent" | "producer"
        | "negotiator" | "inspector" | "clerk" | "sheriff" | "detective" | "plaintiff"
        | "defendant" | "juror" | "victim" | "survivor" | "relative" | "neighbor" | "person"
        | "committeeman" | "legislator" | "organiser" | "economist," | "administrator"
        | "superintendent" | "commissioner" | "councilman" | "councilwoman" | "assemblyman"
        | "trustee" | "president," | "lobbyist" | "donor," | "fundraiser" | "chairperson"
        | "moderator" | "tycoon" | "investor" | "entrepreneur" | "financier" | "scientist"
        | "physician" | "surgeon" | "neurosurgeon" | "heckler" | "retiree" | "rabbi" | "imam"
        | "trooper" | "farmer" | "panelist" | "interviewer" => Unknown,
        // "the 46-year-old": an age stands for the person.
        w if w.ends_with("-year-old") => Unknown,
        "man" | "boy" | "gentleman" => Male,
        "woman" | "girl" | "lady" => Female,
        _ => return None,
    })
}

/// Plural person nouns: "officials said".
pub fn person_role_plural(word: &str) -> bool {
    matches!(
        word,
        "officials"
            | "aides"
            | "advisers"
            | "advisors"
            | "lawmakers"
            | "senators"
            | "republicans"
            | "democrats"
            | "analysts"
            | "experts"
            | "critics"
            | "supporters"
            | "sources"
            | "investigators"
            | "prosecutors"
            | "lawyers"
            | "attorneys"
            | "voters"
            | "members"
            | "leaders"
            | "diplomats"
            | "economists"
            | "strategists"
            | "pollsters"
            | "spokesmen"
            | "spokespeople"
            | "staffers"
            | "observers"
            | "people"
            | "residents"
            | "activists"
            | "opponents"
            | "conservatives"
            | "liberals"
            | "progressives"
            | "scientists"
            | "researchers"
            | "reporters"
            | "historians"
            | "organizers"
            | "protesters"
            | "witnesses"
            | "agents"
            | "representatives"
            | "governors"
            | "candidates"
            | "americans"
            | "russians"
    )
}

/// Two-word roles whose head alone would mislead ("attorney general" is not a general).
pub fn role_bigram(first: &str, second: &str) -> Option<&'static str> {
    Some(match (first, second) {
        ("attorney", "general") => "attorney general",
        ("vice", "president") => "vice president",
        ("press", "secretary") => "press secretary",
        ("first", "lady") => "first lady",
        ("prime", "minister") => "prime minister",
        ("foreign", "minister") => "foreign minister",
        ("chief", "executive") => "chief executive",
        ("majority", "leader") => "majority leader",
        ("minority", "leader") => "minority leader",
        ("house", "speaker") => "speaker",
        ("campaign", "manager") => "campaign manager",
        ("campaign", "chairman") => "campaign chairman",
        ("national", "security") => return None,
        _ => return None,
    })
}

/// Organisation nouns: "the department", "the campaign".
pub fn org_noun(word: &str) -> bool {
    matches!(
        word,
        "department"
            | "campaign"
            | "administration"
            | "committee"
            | "agency"
            | "ministry"
            | "embassy"
            | "party"
            | "company"
            | "group"
            | "court"
            | "office"
            | "bureau"
            | "government"
            | "network"
            | "newspaper"
            | "paper"
            | "white house"
            | "kremlin"
            | "commission"
            | "council"
            | "organization"
            | "organisation"
            | "firm"
            | "foundation"
            | "institute"
            | "university"
            | "union"
            | "association"
            | "team"
            | "panel"
            | "board"
            | "senate"
            | "congress"
            | "house"
            | "post"
            | "times"
            | "news"
            | "corporation"
            | "corp."
            | "inc."
            | "bank"
            | "fund"
            | "center"
            | "centre"
            | "service"
            | "police"
            | "fbi"
            | "cia"
            | "pentagon"
            | "magazine"
            | "journal"
            | "press"
            | "network,"
            | "website"
            | "poll"
            | "survey"
            | "report"
            | "study"
            | "statement"
            | "letter"
            | "memo"
            | "ad"
            | "lawsuit"
            | "complaint"
            | "filing"
            | "article"
            | "editorial"
            | "op-ed"
            | "tweet"
            | "book"
            | "document"
            | "indictment"
            | "ruling"
            | "analysis"
            | "review"
            | "record"
            | "records"
            | "data"
            | "story"
    )
}

/// Words that, capitalised, start a sentence without starting a name.
pub fn capitalised_function_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "but"
            | "and"
            | "or"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "when"
            | "while"
            | "if"
            | "as"
            | "after"
            | "before"
            | "since"
            | "for"
            | "with"
            | "without"
            | "by"
            | "from"
            | "to"
            | "of"
            | "so"
            | "yet"
            | "there"
            | "here"
            | "what"
            | "who"
            | "why"
            | "how"
            | "where"
            | "which"
            | "whether"
            | "although"
            | "though"
            | "because"
            | "now"
            | "then"
            | "also"
            | "still"
            | "even"
            | "just"
            | "not"
            | "no"
            | "yes"
            | "all"
            | "some"
            | "many"
            | "most"
            | "more"
            | "much"
            | "one"
            | "two"
            | "three"
            | "last"
            | "next"
            | "first"
            | "another"
            | "other"
            | "each"
            | "every"
            | "both"
            | "either"
            | "neither"
            | "such"
            | "only"
            | "until"
            | "during"
            | "about"
            | "over"
            | "under"
            | "into"
            | "through"
            | "despite"
            | "instead"
            | "meanwhile"
            | "however"
            | "indeed"
            | "still,"
            | "asked"
            | "according"
            | "said"
            | "says"
            | "is"
            | "was"
            | "are"
            | "were"
            | "do"
            | "does"
            | "did"
            | "has"
            | "have"
            | "had"
            | "can"
            | "could"
            | "will"
            | "would"
            | "should"
            | "may"
            | "might"
            | "must"
            | "let"
            | "please"
            | "thank"
            | "thanks"
            | "oh"
            | "well"
            | "like"
            | "unlike"
            | "among"
            | "between"
            | "against"
            | "within"
            | "upon"
            | "mr."
            | "mrs."
            | "ms."
            | "dr."
            | "sen."
            | "rep."
            | "gov."
            | "gen."
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "sep."
            | "oct."
            | "nov."
            | "dec."
            | "today"
            | "yesterday"
            | "tomorrow"
            | "once"
            | "again"
            | "never"
            | "always"
            | "perhaps"
            | "maybe"
            | "sure"
            | "whatever"
            | "whoever"
            | "anyone"
            | "everyone"
            | "someone"
            | "nobody"
            | "everybody"
            | "nothing"
            | "something"
            | "everything"
            | "any"
            | "few"
            | "several"
            | "whose"
            | "whom"
            | "later"
            | "earlier"
            | "separately"
    )
}

/// Capitalised words that end an organisation's name.
pub fn org_name_word(word: &str) -> bool {
    matches!(
        word,
        "department"
            | "committee"
            | "house"
            | "party"
            | "campaign"
            | "post"
            | "times"
            | "news"
            | "inc."
            | "corp."
            | "association"
            | "university"
            | "council"
            | "agency"
            | "bureau"
            | "court"
            | "senate"
            | "congress"
            | "administration"
            | "ministry"
            | "commission"
            | "foundation"
            | "institute"
            | "network"
            | "journal"
            | "press"
            | "group"
            | "union"
            | "center"
            | "office"
            | "service"
            | "kremlin"
            | "pentagon"
            | "fbi"
            | "cia"
            | "gop"
            | "cnn"
            | "nbc"
            | "abc"
            | "cbs"
            | "msnbc"
            | "fox"
            | "reuters"
            | "tribune"
            | "herald"
            | "globe"
            | "magazine"
            | "democrats"
            | "republicans"
            | "embassy"
            | "bank"
            | "company"
            | "club"
            | "board"
            | "police"
            | "army"
            | "navy"
            | "nato"
            | "un"
            | "eu"
            | "politico"
            | "breitbart"
            | "axios"
            | "caucus"
            | "coalition"
            | "alliance"
            | "organization"
            | "project"
            | "fund"
    )
}

/// Common given names, for the gender of a person named in full.
pub fn given_name_gender(word: &str) -> Gender {
    match word {
        "john" | "jeff" | "jeffrey" | "donald" | "barack" | "bernie" | "bernard" | "mike"
        | "michael" | "paul" | "ted" | "marco" | "chris" | "christopher" | "jeb" | "bill"
        | "william" | "joe" | "joseph" | "mitch" | "tim" | "timothy" | "tom" | "thomas"
        | "james" | "jim" | "robert" | "bob" | "david" | "richard" | "charles" | "mark"
        | "steve" | "steven" | "stephen" | "george" | "sergey" | "sergei" | "vladimir"
        | "kevin" | "ben" | "benjamin" | "rand" | "scott" | "eric" | "harry" | "rudy"
        | "rudolph" | "newt" | "sean" | "rick" | "dan" | "daniel" | "andrew" | "peter"
        | "jason" | "corey" | "reince" | "jared" | "carl" | "frank" | "brian" | "matt"
        | "matthew" | "ryan" | "adam" | "al" | "rex" | "jack" | "lindsey" | "marc" | "martin"
        | "gary" | "larry" | "jerry" | "ron" | "ronald" | "roger" | "henry" | "edward" | "ed"
        | "anthony" | "tony" | "kenneth" | "ken" | "josh" | "joshua" | "justin" | "brandon"
        | "nick" | "nicholas" | "patrick" | "pat" | "sam" | "samuel" | "luke" | "mitt"
        | "orrin" | "chuck" | "elijah" | "adam," | "devin" | "trey" | "jon" | "jonathan"
        | "howard" | "walter" | "hugh" | "ivan" | "dmitry" | "viktor" | "igor" | "carter"
        | "jimmy" | "lyndon" | "ronnie" | "franklin" | "dick" | "cory" | "tim," | "kasich"
        | "ahmed" | "mohammed" | "muhammad" | "ali" | "omar" | "xi" | "emmanuel" | "francois"
        | "angelo" | "julian" | "edwin" | "gregory" | "greg" | "raymond" | "ray" | "louis"
        | "lou" | "phil" | "philip" | "keith" | "wayne" | "terry" | "doug" | "douglas" | "fred"
        | "alan" | "allen" | "stan" | "bruce" | "kurt" | "todd" | "travis" | "tyler" | "zach"
        | "kyle" | "evan" | "ian" | "roy" | "leon" | "manafort" | "gordon" | "glenn" | "neil"
        | "jeremy" | "bret" | "brett" | "hunter" | "beau" | "tucker" | "bernie," | "hakeem"
        | "elliot" | "elliott" => Gender::Male,
        "hillary" | "nancy" | "elizabeth" | "carly" | "sarah" | "kellyanne" | "melania"
        | "ivanka" | "michelle" | "susan" | "hope" | "huma" | "donna" | "debbie" | "mary"
        | "patricia" | "jennifer" | "linda" | "barbara" | "margaret" | "karen" | "lisa"
        | "nikki" | "jill" | "loretta" | "sally" | "kirsten" | "amy" | "dianne" | "claire"
        | "maxine" | "kamala" | "ann" | "anne" | "jane" | "emily" | "laura" | "kate" | "katie"
        | "megyn" | "maria" | "angela" | "theresa" | "marine" | "sheryl" | "betsy"
        | "condoleezza" | "samantha" | "sandra" | "julie" | "jessica" | "rachel" | "lois"
        | "cheryl" | "madeleine" | "tulsi" | "jeanne" | "elaine" | "carol" | "caroline"
        | "katherine" | "catherine" | "kathleen" | "kathy" | "heather" | "rebecca" | "ruth"
        | "helen" | "diane" | "joan" | "martha" | "alice" | "judy" | "judith" | "janet"
        | "christine" | "stephanie" | "nicole" | "melissa" | "hannah" | "olivia" | "sophia"
        | "natalie" | "tammy" | "kelly" | "erin" | "dana" | "andrea" | "monica" | "valerie"
        | "victoria" | "wendy" | "jeanine" | "ivana" | "tiffany" | "chelsea" | "marsha"
        | "shelley" | "lisa," | "gina" | "robin" | "paula" | "gretchen" | "hope," | "kristen"
        | "liz" | "irina" | "natalia" | "yulia" | "olga" | "anna" | "sheila" | "bonnie"
        | "meghan" | "abigail" | "ashley" | "brenda" | "connie" | "dolores" | "eleanor"
        | "gloria" | "harriet" | "jacqueline" | "jan" | "joyce" | "kay" | "lynn" | "marie"
        | "mia" | "nina" | "pamela" | "rosa" | "sue" | "teresa" | "virginia" | "zoe" => {
            Gender::Female
        }
        _ => Gender::Unknown,
    }
}

/// Titles and honorifics that stand before a name and are not part of it.
pub fn title_word(word: &str) -> bool {
    person_role(word).is_some()
        || matches!(
            word,
            "sen"
                | "rep"
                | "gov"
                | "gen"
                | "dr"
                | "lt."
                | "col."
                | "maj."
                | "capt."
                | "sgt."
                | "adm."
                | "pres."
                | "sens."
                | "reps."
                | "the"
                | "former"
                | "u.s."
                | "us"
                | "vice"
                | "attorney"
                | "general"
                | "secretary"
                | "state"
                | "deputy"
                | "assistant"
                | "acting"
                | "federal"
                | "house"
                | "senate"
                | "white"
                | "press"
                | "national"
                | "security"
                | "campaign"
                | "democratic"
                | "republican"
                | "gop"
                | "presidential"
                | "russian"
                | "russia"
                | "american"
                | "ex-"
                | "then-"
                | "prime"
                | "foreign"
                | "defense"
                | "homeland"
                | "chief"
                | "majority"
                | "minority"
                | "top"
                | "senior"
                | "lead"
                | "special"
                | "counsel"
                | "first"
                | "lady"
                | "mrs"
                | "ms"
                | "mr"
                | "rev."
                | "reverend"
                | "pope"
                | "justice"
                | "associate"
                | "labor"
                | "treasury"
                | "commerce"
                | "energy"
                | "intelligence"
        )
}

/// Contact triggers (verb or noun forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contact {
    /// "met", "spoke", "talked": takes "with" or a direct object.
    Verb,
    /// "meeting", "talks", "call", "encounter": a noun, participants by "with"/"between" or anaphora.
    Noun,
}

pub fn contact(word: &str) -> Option<Contact> {
    Some(match word {
        "met" | "meet" | "meets" | "spoke" | "spoken" | "speak" | "speaks" | "talked" | "talk"
        | "conferred" | "confer" | "phoned" | "dined" | "discussed" | "discuss" | "discusses"
        | "communicated" | "communicate" | "huddled" | "negotiated" => Contact::Verb,
        "meeting" | "meetings" | "talks" | "conversation" | "conversations" | "call" | "calls"
        | "encounter" | "encounters" | "contact" | "contacts" | "communications"
        | "communication" | "discussions" | "discussion" | "phone-call" | "meetings," => {
            Contact::Noun
        }
        _ => return None,
    })
}

/// Negation words that turn a reported event into a non-event.
pub fn negation(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "n't"
            | "never"
            | "no"
            | "neither"
            | "nor"
            | "didn't"
            | "did't"
            | "don't"
            | "doesn't"
            | "wasn't"
            | "hadn't"
            | "haven't"
            | "hasn't"
            | "cannot"
            | "can't"
    )
}

/// Auxiliaries and adverbs that sit between a subject and its verb.
pub fn verb_filler(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "would"
            | "will"
            | "'d"
            | "'ll"
            | "later"
            | "previously"
            | "repeatedly"
            | "then"
            | "again"
            | "publicly"
            | "recently"
            | "flatly"
            | "quickly"
            | "once"
            | "never"
            | "not"
            | "n't"
            | "did"
            | "does"
            | "do"
            | "had,"
            | "privately"
            | "twice"
            | "only"
            | "first"
            | "earlier"
            | "often"
            | "frequently"
            | "reportedly"
            | "allegedly"
            | "initially"
            | "subsequently"
            | "simply"
            | "just"
            | "still"
            | "already"
            | "has,"
            | "may"
            | "might"
            | "could"
            | "should"
            | "can"
            | "must"
            | "been"
            | "being"
            | "personally"
            | "directly"
            | "openly"
            | "explicitly"
            | "firmly"
            | "strongly"
            | "further"
            | "likewise"
            | "similarly"
            | "essentially"
            | "basically"
            | "even"
            | "finally"
            | "eventually"
            | "immediately"
            | "angrily"
            | "bluntly"
            | "succinctly"
            | "emphatically"
            | "curtly"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "month"
            | "year"
            | "last"
            | "this"
            | "on"
            | "to"
            | "went"
            | "go"
            | "goes"
            | "proceeded"
            | "began"
            | "continued"
            | "wanted"
            | "decided"
            | "chose"
            | "tried"
    )
}
