//! `dossier-text`: what dossier, `dossier-import` and any other part need to
//! agree on about text, kept once. Today: slugs (`slug`), the names of
//! articles, actors, topics and outlets in URLs and file names.

pub mod slug;
