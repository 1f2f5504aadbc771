//! The lexicon files compiled into the binary, in load order.

/// (file name, TOML text) of every built-in lexicon file.
pub(crate) const FILES: &[(&str, &str)] = &[
    (
        "states.toml",
        include_str!("../../../data/lexicon/states.toml"),
    ),
    (
        "actors.toml",
        include_str!("../../../data/lexicon/actors.toml"),
    ),
    (
        "people.toml",
        include_str!("../../../data/lexicon/people.toml"),
    ),
    (
        "bodies.toml",
        include_str!("../../../data/lexicon/bodies.toml"),
    ),
    (
        "places.toml",
        include_str!("../../../data/lexicon/places.toml"),
    ),
    (
        "weapons.toml",
        include_str!("../../../data/lexicon/weapons.toml"),
    ),
    (
        "classes.toml",
        include_str!("../../../data/lexicon/classes.toml"),
    ),
    (
        "outlets.toml",
        include_str!("../../../data/lexicon/outlets.toml"),
    ),
];
