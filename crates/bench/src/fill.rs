//! Filling template placeholders: name pools drawn from the lexicon, the
//! scene of one story, and the varied phrasings of numbers.

use crate::rng::Rng;
use crate::templates::{Templates, Words};
use crate::BenchError;
use tally_lexicon::{Entity, Lexicon};

/// A state as the generator writes it.
#[derive(Clone, Debug)]
struct StateNames {
    name: String,
    demonym: String,
    capital: String,
}

/// Names drawn from the lexicon, so generated text exercises the gazetteer.
#[derive(Clone, Debug)]
pub struct Pools {
    states: Vec<StateNames>,
    /// Indexes into `states` of the states most stories are about.
    main_states: Vec<usize>,
    weapons: Vec<String>,
    classes: Vec<String>,
    people: Vec<String>,
    persons: Vec<String>,
    bodies: Vec<String>,
    outlets: Vec<String>,
    places: Vec<String>,
}

impl Pools {
    /// Pools over `lex`; `w` names the states most stories are about and
    /// the people classes to use (each kept only if the lexicon has it).
    pub fn from_lexicon(lex: &Lexicon, w: &Words) -> Result<Pools, BenchError> {
        let mut p = Pools {
            states: Vec::new(),
            main_states: Vec::new(),
            weapons: Vec::new(),
            classes: Vec::new(),
            people: Vec::new(),
            persons: Vec::new(),
            bodies: Vec::new(),
            outlets: Vec::new(),
            places: Vec::new(),
        };
        for (_, e) in lex.entities() {
            match e {
                Entity::State(s) => p.states.push(StateNames {
                    name: s.name.clone(),
                    demonym: s.demonyms.first().unwrap_or(&s.name).clone(),
                    capital: s.capitals.first().unwrap_or(&s.name).clone(),
                }),
                Entity::Weapon(w) => {
                    p.weapons.push(w.name.clone());
                    p.weapons.extend(w.aliases.iter().take(2).cloned());
                }
                Entity::Class(c) if c.people => p.people.push(c.name.clone()),
                Entity::Class(c) if !c.money => p.classes.push(c.name.clone()),
                Entity::Person(x) => p.persons.push(x.name.clone()),
                Entity::Body(x) => p.bodies.push(x.name.clone()),
                Entity::Outlet(x) => p.outlets.push(x.name.clone()),
                Entity::Place(x) => p.places.push(x.name.clone()),
                _ => {}
            }
        }
        let wanted: Vec<&str> = w.people_classes.iter().map(String::as_str).collect();
        if p.people.iter().any(|c| wanted.contains(&c.as_str())) {
            p.people.retain(|c| wanted.contains(&c.as_str()));
        }
        p.main_states = w
            .main_states
            .iter()
            .filter_map(|code| {
                let name = &lex.state(code)?.name;
                p.states.iter().position(|s| &s.name == name)
            })
            .collect();
        let pools: [(&'static str, usize); 8] = [
            ("states", p.states.len()),
            ("weapons", p.weapons.len()),
            ("classes", p.classes.len()),
            ("people classes", p.people.len()),
            ("persons", p.persons.len()),
            ("bodies", p.bodies.len()),
            ("outlets", p.outlets.len()),
            ("places", p.places.len()),
        ];
        match pools.iter().find(|(_, n)| *n == 0) {
            Some((what, _)) => Err(BenchError::EmptyPool(what)),
            None => Ok(p),
        }
    }

    /// A publisher: mostly a lexicon outlet, sometimes a house name.
    pub fn publisher(&self, w: &Words, rng: &mut Rng) -> String {
        let pool = if rng.chance(0.7) {
            &self.outlets
        } else {
            &w.publishers
        };
        rng.pick(pool).cloned().unwrap_or_default()
    }
}

/// The fixed cast of one story; each sentence mostly reuses it.
#[derive(Clone, Debug)]
struct Scene {
    from: usize,
    to: usize,
    weapon: String,
    class: String,
    people: String,
    person: String,
    body: String,
    place: String,
}

/// Fills templates for one story.
pub struct Filler<'a> {
    pub templates: &'a Templates,
    pub pools: &'a Pools,
    scene: Scene,
}

impl<'a> Filler<'a> {
    pub fn new(templates: &'a Templates, pools: &'a Pools, rng: &mut Rng) -> Filler<'a> {
        let state = |rng: &mut Rng| {
            match rng.chance(0.85) {
                true => rng.pick(&pools.main_states).copied(),
                false => None,
            }
            .unwrap_or_else(|| rng.below(pools.states.len()))
        };
        let from = state(rng);
        let mut to = state(rng);
        if to == from {
            to = (to + 1) % pools.states.len().max(1);
        }
        let any = |v: &[String], rng: &mut Rng| rng.pick(v).cloned().unwrap_or_default();
        let scene = Scene {
            from,
            to,
            weapon: any(&pools.weapons, rng),
            class: any(&pools.classes, rng),
            people: any(&pools.people, rng),
            person: any(&pools.persons, rng),
            body: any(&pools.bodies, rng),
            place: any(&pools.places, rng),
        };
        Filler {
            templates,
            pools,
            scene,
        }
    }

    /// One template of `pool`, filled.
    /// One template of `pool`, filled, its first letter capitalised.
    pub fn fill_pick(&self, pool: &[String], rng: &mut Rng) -> String {
        match rng.pick(pool) {
            Some(t) => capitalise(self.fill(t, rng)),
            None => String::new(),
        }
    }

    /// `template` with every `{placeholder}` replaced; an unknown one is
    /// kept as written.
    pub fn fill(&self, template: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let name = &after[..close];
            match name.strip_suffix("_title") {
                Some(base) => match self.value(base, rng) {
                    Some(v) => out.push_str(&title_case(&v)),
                    None => out.push_str(&rest[open..open + close + 2]),
                },
                None => match self.value(name, rng) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[open..open + close + 2]),
                },
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn value(&self, name: &str, rng: &mut Rng) -> Option<String> {
        let p = self.pools;
        let w = &self.templates.words;
        let s = &self.scene;
        // Mostly the story's cast; now and then someone else.
        let fresh = rng.chance(0.2);
        let pick = |v: &[String], rng: &mut Rng| rng.pick(v).cloned().unwrap_or_default();
        let state = |i: usize, rng: &mut Rng| {
            let i = match fresh {
                true => rng.pick(&p.main_states).copied().unwrap_or(i),
                false => i,
            };
            p.states.get(i)
        };
        Some(match name {
            "from" => state(s.from, rng)?.name.clone(),
            "to" => state(s.to, rng)?.name.clone(),
            "from_dem" => state(s.from, rng)?.demonym.clone(),
            "to_dem" => state(s.to, rng)?.demonym.clone(),
            "from_cap" => state(s.from, rng)?.capital.clone(),
            "to_cap" => state(s.to, rng)?.capital.clone(),
            "weapon" if fresh => pick(&p.weapons, rng),
            "weapon" => s.weapon.clone(),
            "class" if fresh => pick(&p.classes, rng),
            "class" => s.class.clone(),
            "people" => s.people.clone(),
            "person" if fresh => pick(&p.persons, rng),
            "person" => s.person.clone(),
            "body" => s.body.clone(),
            "place" if fresh => pick(&p.places, rng),
            "place" => s.place.clone(),
            "outlet" => pick(&p.outlets, rng),
            "n" => count(w, rng),
            "num" if rng.chance(0.8) => digits(rng),
            "num" => scaled(w, rng),
            "month" => pick(&w.months, rng),
            "small" => small(w, rng),
            "money" => money(rng),
            "pct" => percent(rng),
            "when" => pick(&w.when, rng),
            "weekday" => pick(&w.weekdays, rng),
            "team" => pick(&w.teams[..w.teams.len() / 2], rng),
            "team2" => pick(&w.teams[w.teams.len() / 2..], rng),
            "company" => pick(&w.companies, rng),
            "city" => pick(&w.cities, rng),
            "score" => format!("{}-{}", rng.below(5), rng.below(4)),
            "temp" => format!("{} degrees Celsius", rng.range(18, 41)),
            "reporter" => format!("{} {}", pick(&w.first_names, rng), pick(&w.last_names, rng)),
            "headline" => {
                let t = self.templates;
                let pool = if rng.chance(0.5) {
                    &t.conflict.headline
                } else {
                    &t.other.weather_headline
                };
                let h = pick(pool, rng);
                if h.contains("{headline}") {
                    return None;
                }
                self.fill(&h, rng)
            }
            _ => return None,
        })
    }
}

/// A count in one of the phrasings news uses.
fn count(w: &Words, rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=3 => digits(rng),
        4 => rng.pick(&w.number_words).cloned().unwrap_or_default(),
        5 => scaled(w, rng),
        6 => {
            let lo = rng.range(2, 90) * 10;
            let hi = lo + rng.range(1, 9) * 10;
            match rng.below(3) {
                0 => format!("between {lo} and {hi}"),
                1 => format!("{lo} to {hi}"),
                _ => format!("{lo}-{hi}"),
            }
        }
        _ => {
            let bound = rng.pick(&w.bounds).cloned().unwrap_or_default();
            let n = if rng.chance(0.8) {
                digits(rng)
            } else {
                scaled(w, rng)
            };
            format!("{bound} {n}")
        }
    }
}

fn digits(rng: &mut Rng) -> String {
    let n = match rng.below(4) {
        0 => rng.range(2, 9),
        1 => rng.range(10, 99),
        2 => rng.range(100, 999),
        _ => rng.range(1_000, 99_999),
    };
    grouped(n)
}

/// `n` with thousands separated by commas.
fn grouped(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn scaled(w: &Words, rng: &mut Rng) -> String {
    let scale = rng.pick(&w.scales).cloned().unwrap_or_default();
    if rng.chance(0.5) {
        format!("{}.{} {scale}", rng.range(1, 9), rng.range(1, 9))
    } else {
        format!("{} {scale}", rng.range(2, 40))
    }
}

fn small(w: &Words, rng: &mut Rng) -> String {
    if rng.chance(0.5) {
        rng.range(2, 12).to_string()
    } else {
        let words = &w.number_words[..w.number_words.len().min(9)];
        rng.pick(words).cloned().unwrap_or_default()
    }
}

fn money(rng: &mut Rng) -> String {
    let (sym, n) = (
        ["$", "€", "£", "US$"][rng.below(4)],
        format!("{}.{}", rng.range(1, 99), rng.below(10)),
    );
    match rng.below(4) {
        0 => format!("{sym}{n} billion"),
        1 => format!("{sym}{n} million"),
        2 => format!("{sym}{n}bn"),
        _ => format!("{sym}{}m", rng.range(5, 900)),
    }
}

fn percent(rng: &mut Rng) -> String {
    let n = rng.range(1, 60);
    match rng.below(3) {
        0 => format!("{n}%"),
        1 => format!("{n}.{} percent", rng.below(10)),
        _ => format!("{n} per cent"),
    }
}

fn capitalise(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().chain(c).collect(),
        _ => s,
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(99_999), "99,999");
    }

    #[test]
    fn fills_known_and_keeps_unknown_placeholders() {
        let t = Templates::builtin().unwrap();
        let p = Pools::from_lexicon(&Lexicon::builtin().unwrap(), &t.words).unwrap();
        let mut rng = Rng::new(5);
        let f = Filler::new(&t, &p, &mut rng);
        let s = f.fill("{from} sent {n} {class_title} {nope} {", &mut rng);
        assert!(s.contains("{nope}"), "{s}");
        assert!(s.ends_with(" {"), "{s}");
        assert!(!s.starts_with('{'), "{s}");
        assert_eq!(title_case("self-propelled guns"), "Self-propelled Guns");
        assert_eq!(capitalise("more than 5".into()), "More than 5");
        assert!(!p.main_states.is_empty());
        assert!(p.people.iter().all(|c| t.words.people_classes.contains(c)));
    }
}
