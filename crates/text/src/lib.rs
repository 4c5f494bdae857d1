//! `dossier-text`: what dossier, `dossier-import` and any other part need to
//! agree on about text, kept once: slugs (`slug`), the names of articles,
//! actors, topics and outlets in URLs and file names; and YAML scalars
//! (`yaml`), as imported front matter and the benchmark's corpus write them.

pub mod slug;
pub mod yaml;
