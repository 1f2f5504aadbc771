//! The resolved entries of the lexicon and the mentions `find` reports.

use tally_core::Span;

/// Index of an [`Entity`] inside one [`crate::Lexicon`]. Stable for a given
/// set of lexicon files; not meaningful across lexicons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub(crate) u32);

impl EntityId {
    /// The position of the entity in [`crate::Lexicon::entities`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A sovereign state or territory with an ISO 3166-1 alpha-2 code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub capitals: Vec<String>,
    pub demonyms: Vec<String>,
    pub seats: Vec<String>,
}

/// A non-state actor or bloc (NATO, Wagner Group, Hezbollah ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
}

/// A named person: leader, minister, official, spokesperson or analyst.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    /// ISO code of the state they stand for, if any.
    pub state: Option<String>,
    /// Role phrases that can stand for them ("defence minister").
    pub roles: Vec<String>,
    /// `true` when the person stands for the state as a party.
    pub party: bool,
}

/// A government body, agency, armed force, think tank or international body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Body {
    pub name: String,
    pub aliases: Vec<String>,
    pub state: Option<String>,
    /// Free text: intelligence, military, ministry, government, think-tank ...
    pub class: Option<String>,
}

/// A weapon system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weapon {
    pub name: String,
    pub aliases: Vec<String>,
    /// Canonical name of its [`Class`], resolved.
    pub class: Option<String>,
    /// ISO code of the state of origin, or the canonical name of an actor.
    pub origin: Option<String>,
}

/// A class of materiel, people or money.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Class {
    pub name: String,
    pub aliases: Vec<String>,
    /// Soldiers, troops, workers, personnel ...
    pub people: bool,
    /// Aid, assistance, funding, packages ...
    pub money: bool,
}

/// A news outlet or agency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlet {
    pub name: String,
    pub aliases: Vec<String>,
}

/// A place below country level (region, city, base, port, plant).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    pub aliases: Vec<String>,
    pub state: Option<String>,
}

/// One lexicon entry of any table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entity {
    State(State),
    Actor(Actor),
    Person(Person),
    Body(Body),
    Weapon(Weapon),
    Class(Class),
    Outlet(Outlet),
    Place(Place),
}

/// Which table an entity comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    State,
    Actor,
    Person,
    Body,
    Weapon,
    Class,
    Outlet,
    Place,
}

impl EntityKind {
    /// The TOML table name (`state`, `actor` ...).
    pub fn table(self) -> &'static str {
        match self {
            EntityKind::State => "state",
            EntityKind::Actor => "actor",
            EntityKind::Person => "person",
            EntityKind::Body => "body",
            EntityKind::Weapon => "weapon",
            EntityKind::Class => "class",
            EntityKind::Outlet => "outlet",
            EntityKind::Place => "place",
        }
    }
}

impl Entity {
    /// The canonical name.
    pub fn name(&self) -> &str {
        match self {
            Entity::State(x) => &x.name,
            Entity::Actor(x) => &x.name,
            Entity::Person(x) => &x.name,
            Entity::Body(x) => &x.name,
            Entity::Weapon(x) => &x.name,
            Entity::Class(x) => &x.name,
            Entity::Outlet(x) => &x.name,
            Entity::Place(x) => &x.name,
        }
    }

    /// The written aliases, as listed in the files.
    pub fn aliases(&self) -> &[String] {
        match self {
            Entity::State(x) => &x.aliases,
            Entity::Actor(x) => &x.aliases,
            Entity::Person(x) => &x.aliases,
            Entity::Body(x) => &x.aliases,
            Entity::Weapon(x) => &x.aliases,
            Entity::Class(x) => &x.aliases,
            Entity::Outlet(x) => &x.aliases,
            Entity::Place(x) => &x.aliases,
        }
    }

    pub fn kind(&self) -> EntityKind {
        match self {
            Entity::State(_) => EntityKind::State,
            Entity::Actor(_) => EntityKind::Actor,
            Entity::Person(_) => EntityKind::Person,
            Entity::Body(_) => EntityKind::Body,
            Entity::Weapon(_) => EntityKind::Weapon,
            Entity::Class(_) => EntityKind::Class,
            Entity::Outlet(_) => EntityKind::Outlet,
            Entity::Place(_) => EntityKind::Place,
        }
    }

    /// The party this entity stands for as it would appear in a claim's
    /// `from`/`to`: a state's code, an actor's name, the state of a person
    /// with `party = true` or of a government body; `None` otherwise.
    pub fn party(&self) -> Option<&str> {
        match self {
            Entity::State(s) => Some(&s.code),
            Entity::Actor(a) => Some(&a.name),
            Entity::Person(p) if p.party => p.state.as_deref(),
            Entity::Body(b) => b.state.as_deref(),
            _ => None,
        }
    }

    /// The ISO code of the state the entity belongs to, if any (a state's
    /// own code; a person's, body's or place's state; a weapon's origin when
    /// it is a state).
    pub fn state_code(&self) -> Option<&str> {
        match self {
            Entity::State(s) => Some(&s.code),
            Entity::Person(p) => p.state.as_deref(),
            Entity::Body(b) => b.state.as_deref(),
            Entity::Place(p) => p.state.as_deref(),
            Entity::Weapon(w) => w.origin.as_deref().filter(|o| is_state_code(o)),
            _ => None,
        }
    }
}

/// `true` for a syntactically valid ISO 3166-1 alpha-2 code (two ASCII
/// capital letters).
pub(crate) fn is_state_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Form {
    /// The canonical name (or a derived spelling variant of it).
    Name,
    /// A listed alias (or a derived spelling variant of one).
    Alias,
    /// A state's capital standing for the state.
    Capital,
    /// A demonym ("North Korean", "Ukrainians").
    Demonym,
    /// A seat of power ("the Kremlin", "Downing Street").
    Seat,
    /// A role phrase standing for a person ("defence minister").
    Role,
    /// A derived plural of a weapon's or class's name or alias.
    Plural,
}

/// One lexicon match in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Mention {
    /// Byte span of the matched words, without any possessive `'s`.
    pub span: Span,
    /// The preferred reading; see [`crate::Lexicon::readings`] for all.
    pub entity: EntityId,
    pub form: Form,
    /// `true` when a possessive (`'s`, `’s`, or a bare `'` after a final
    /// `s`) follows the match.
    pub possessive: bool,
}

/// One way a matched phrase can be read: an entity and the form naming it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reading {
    pub entity: EntityId,
    pub form: Form,
}

/// Counts per table, and of the patterns in the automaton.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LexiconStats {
    pub states: usize,
    pub actors: usize,
    pub persons: usize,
    pub bodies: usize,
    pub weapons: usize,
    pub classes: usize,
    pub outlets: usize,
    pub places: usize,
    /// Distinct phrases matched (after deriving variants).
    pub phrases: usize,
    /// Phrases with more than one reading (shared role phrases etc.).
    pub ambiguous: usize,
}
