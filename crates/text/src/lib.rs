//! `dossier-text`: what dossier, `dossier-import` and any other part need to
//! agree on about text, kept once: slugs (`slug`), the names of articles,
//! actors, topics and outlets in URLs and file names; YAML scalars (`yaml`),
//! as imported front matter and the benchmark's corpus write them; HTML
//! escaping and character references (`html`); the known news outlets (`outlets`);
//! shortening (`shorten`); and
//! percent-decoding (`percent`).

pub mod html;
pub mod outlets;
pub mod percent;
pub mod shorten;
pub mod slug;
pub mod yaml;
